package cn.worksafety.platform.messaging;

import cn.worksafety.contracts.Exchanges;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Both durable topic exchanges of the contract; declaring them is idempotent, so every service does. */
@Configuration(proxyBeanMethods = false)
public class ExchangeDeclarations {

  @Bean
  Declarables contractExchanges() {
    return new Declarables(
        ExchangeBuilder.topicExchange(Exchanges.ENFORCEMENT).durable(true).build(),
        ExchangeBuilder.topicExchange(Exchanges.CREDIT).durable(true).build());
  }
}
