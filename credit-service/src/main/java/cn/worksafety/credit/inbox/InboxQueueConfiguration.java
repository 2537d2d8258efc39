package cn.worksafety.credit.inbox;

import cn.worksafety.contracts.Exchanges;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * credit-service's durable quorum queue on {@code enforcement.events}, also bound to its own
 * {@code credit.blacklist.*} events: a listing reaches the credit file (listed ⇒ D) the same
 * reliable way it reaches partners, from the listing's outbox, with no second write to lose. A message that keeps failing
 * goes, after bounded retries, to {@code <queue>.dlq} instead of blocking the queue; the broker's
 * delivery limit also catches one that crashes the consumer every time.
 */
@Configuration(proxyBeanMethods = false)
public class InboxQueueConfiguration {

  @Bean
  Declarables enforcementInbox(@Value("${app.inbox.queue}") String queue,
      @Value("${app.inbox.delivery-limit:5}") int deliveryLimit) {
    Queue deadLetters = QueueBuilder.durable(queue + ".dlq").quorum().build();
    Queue inbox = QueueBuilder.durable(queue).quorum().deliveryLimit(deliveryLimit)
        .deadLetterExchange("").deadLetterRoutingKey(deadLetters.getName()).build();
    TopicExchange enforcement = new TopicExchange(Exchanges.ENFORCEMENT, true, false);
    TopicExchange credit = new TopicExchange(Exchanges.CREDIT, true, false);
    return new Declarables(deadLetters, inbox, BindingBuilder.bind(inbox).to(enforcement).with("enforcement.#"),
        BindingBuilder.bind(inbox).to(credit).with("credit.blacklist.#"));
  }
}
