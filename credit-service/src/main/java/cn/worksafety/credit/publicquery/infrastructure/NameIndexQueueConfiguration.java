package cn.worksafety.credit.publicquery.infrastructure;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.Exchanges;
import java.util.ArrayList;
import java.util.List;
import org.springframework.amqp.core.AcknowledgeMode;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Declarable;
import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.amqp.rabbit.listener.SimpleMessageListenerContainer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This replica's own queue on {@code enforcement.events} for the name index. The shared inbox queue
 * is consumed by the replicas in turn, so it cannot feed an index every replica keeps: each declares
 * a queue named by the broker, exclusive and deleted with its connection, bound to the events that
 * carry an enterprise's name and region. Nothing outlives the replica, and nothing is dead-lettered:
 * what the index cannot take is left to its next walk through the store ({@link NameIndexFeed}).
 */
@Configuration(proxyBeanMethods = false)
public class NameIndexQueueConfiguration {
  static final List<EventType> NAMING = List.of(EventType.ENTERPRISE_REGISTERED, EventType.ENTERPRISE_UPDATED);

  @Bean
  Queue nameIndexQueue() {
    return new Queue("", false, true, true);
  }

  @Bean
  Declarables nameIndexBindings(@Qualifier("nameIndexQueue") Queue queue) {
    TopicExchange enforcement = new TopicExchange(Exchanges.ENFORCEMENT, true, false);
    List<Declarable> bindings = new ArrayList<>();
    NAMING.forEach(type -> bindings.add(BindingBuilder.bind(queue).to(enforcement).with(type.type())));
    return new Declarables(bindings);
  }

  @Bean
  SimpleMessageListenerContainer nameIndexListener(ConnectionFactory connections, AmqpAdmin admin,
      @Qualifier("nameIndexQueue") Queue queue, NameIndexFeed feed) {
    SimpleMessageListenerContainer container = new SimpleMessageListenerContainer(connections);
    // named by the broker: given as the Queue, so the container reads its current name each time it consumes
    container.setQueues(queue);
    container.setAmqpAdmin(admin);
    // after a lost connection the consumer looks for the old queue before it takes the new one's name:
    // give up on the old one soon
    container.setMissingQueuesFatal(false);
    container.setDeclarationRetries(1);
    container.setFailedDeclarationRetryInterval(500);
    container.setRecoveryInterval(2_000);
    container.setAcknowledgeMode(AcknowledgeMode.AUTO);
    container.setDefaultRequeueRejected(false);
    container.setMessageListener(feed);
    return container;
  }
}
