package cn.worksafety.credit.partner.infrastructure;

import cn.worksafety.contracts.Exchanges;
import cn.worksafety.credit.partner.application.PartnerChannels;
import cn.worksafety.credit.partner.model.Partner;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.QueueBuilder;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Declares {@code partner.{code}} (a quorum queue, with a delivery limit and its own dead-letter
 * queue) bound to every event of {@code credit.events}. Per-partner broker credentials come with the
 * joint-sanctions work, through the management API.
 */
@Component
public class AmqpPartnerChannels implements PartnerChannels {
  private final AmqpAdmin admin;
  private final int deliveryLimit;

  public AmqpPartnerChannels(AmqpAdmin admin, @Value("${app.partners.delivery-limit:10}") int deliveryLimit) {
    this.admin = admin;
    this.deliveryLimit = deliveryLimit;
  }

  @Override
  public void provision(Partner partner) {
    Queue deadLetters = QueueBuilder.durable(partner.deadLetterQueue()).quorum().build();
    Queue queue = QueueBuilder.durable(partner.queue()).quorum().deliveryLimit(deliveryLimit)
        .deadLetterExchange("").deadLetterRoutingKey(partner.deadLetterQueue()).build();
    admin.declareQueue(deadLetters);
    admin.declareQueue(queue);
    admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(Exchanges.CREDIT, true, false)).with("#"));
  }
}
