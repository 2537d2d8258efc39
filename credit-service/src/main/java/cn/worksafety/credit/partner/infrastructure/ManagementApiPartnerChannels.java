package cn.worksafety.credit.partner.infrastructure;

import cn.worksafety.contracts.Exchanges;
import cn.worksafety.credit.partner.application.PartnerChannels;
import cn.worksafety.credit.partner.model.BrokerCredentials;
import cn.worksafety.credit.partner.model.Partner;
import cn.worksafety.credit.partner.model.Secrets;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import com.rabbitmq.http.client.Client;
import com.rabbitmq.http.client.HttpClientException;
import com.rabbitmq.http.client.domain.QueueInfo;
import com.rabbitmq.http.client.domain.UserPermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Provisions partners through the RabbitMQ management HTTP API: {@code partner.{code}} (a quorum
 * queue with a delivery limit, dead-lettering at least once to {@code partner.{code}.dlq}; for a
 * webhook department with a single active consumer) bound to
 * {@code credit.events} with the partner's event types, and the user {@code partner-{code}}, which
 * may read that queue and may not configure or write anything.
 */
@Component
public class ManagementApiPartnerChannels implements PartnerChannels {
  private static final Logger log = LoggerFactory.getLogger(ManagementApiPartnerChannels.class);
  private static final String NOTHING = "^$";
  private final Client management;
  private final String vhost;
  private final int deliveryLimit;

  public ManagementApiPartnerChannels(Client management, @Value("${spring.rabbitmq.virtual-host:/}") String vhost,
      @Value("${app.partners.delivery-limit:10}") int deliveryLimit) {
    this.management = management;
    this.vhost = vhost;
    this.deliveryLimit = deliveryLimit;
  }

  @Override
  public void declareQueues(Partner partner) {
    call("provision", () -> {
      declareReplacingLeftover(partner.deadLetterQueue(),
          new QueueInfo(true, false, false, Map.of("x-queue-type", "quorum")));
      Map<String, Object> arguments = new HashMap<>(Map.of("x-queue-type", "quorum",
          "x-delivery-limit", deliveryLimit, "x-dead-letter-exchange", "",
          "x-dead-letter-routing-key", partner.deadLetterQueue(),
          // a quorum queue dead-letters at most once unless told otherwise, and at-least-once needs this overflow
          "x-dead-letter-strategy", "at-least-once", "x-overflow", "reject-publish"));
      if (partner.byWebhook()) {
        arguments.put("x-single-active-consumer", true); // every instance consumes; one at a time keeps the order
      }
      declareReplacingLeftover(partner.queue(), new QueueInfo(true, false, false, arguments));
      for (String key : partner.bindingKeys()) {
        management.bindQueue(vhost, partner.queue(), Exchanges.CREDIT, key);
      }
    });
  }

  /**
   * Declares a queue; one of that name declared otherwise (an older version's arguments) is a
   * leftover of a department no longer registered, since queues are declared only at registration:
   * it is replaced, and what it held is dropped with a warning.
   */
  private void declareReplacingLeftover(String queue, QueueInfo wanted) {
    try {
      management.declareQueue(vhost, queue, wanted);
    } catch (HttpClientException e) {
      QueueInfo leftover = management.getQueue(vhost, queue);
      if (e.status() != 400 || leftover == null) {
        throw e;
      }
      log.warn("queue {} was left by a department no longer registered and declared otherwise; it is replaced "
          + "and its {} messages dropped", queue, leftover.getTotalMessages());
      management.deleteQueue(vhost, queue);
      management.declareQueue(vhost, queue, wanted);
    }
  }

  @Override
  public void rebind(Partner before, Partner changed) {
    call("rebind", () -> {
      for (String key : changed.bindingKeys()) {
        if (!before.bindingKeys().contains(key)) {
          management.bindQueue(vhost, changed.queue(), Exchanges.CREDIT, key);
        }
      }
      for (String key : before.bindingKeys()) {
        if (!changed.bindingKeys().contains(key)) {
          ignoringAbsent(() -> management.unbindQueue(vhost, before.queue(), Exchanges.CREDIT, key));
        }
      }
    });
  }

  @Override
  public BrokerCredentials issueCredentials(Partner partner) {
    String password = Secrets.random();
    call("set the credentials of", () -> {
      management.createUser(partner.brokerUser(), password.toCharArray(), List.of());
      UserPermissions permissions = new UserPermissions();
      permissions.setConfigure(NOTHING);
      permissions.setWrite(NOTHING);
      permissions.setRead("^" + partner.queue().replace(".", "\\.") + "$");
      management.updatePermissions(vhost, partner.brokerUser(), permissions);
      // connections opened with the old password stay open unless closed: a leaked one must stop at once
      management.closeAllConnectionsOfUser(partner.brokerUser());
    });
    return new BrokerCredentials(partner.brokerUser(), password, vhost, partner.queue());
  }

  @Override
  public void revoke(Partner partner) {
    call("revoke", () -> {
      // the broker closes the deleted user's connections itself
      ignoringAbsent(() -> management.deleteUser(partner.brokerUser()));
      ignoringAbsent(() -> management.deleteQueue(vhost, partner.queue()));
      ignoringAbsent(() -> management.deleteQueue(vhost, partner.deadLetterQueue()));
    });
  }

  private static void ignoringAbsent(Runnable step) {
    try {
      step.run();
    } catch (HttpClientException e) {
      if (e.status() != 404) {
        throw e;
      }
    }
  }

  /** Any failure of the management API (down, refusing our credentials, ...) is a 503 for the caller. */
  private static void call(String what, Runnable steps) {
    try {
      steps.run();
    } catch (RuntimeException e) {
      log.warn("broker management API: could not {} a partner: {}", what, e.toString());
      throw new DomainException(ProblemKind.UNAVAILABLE, "broker-management-unavailable",
          "The broker's management API could not " + what + " the partner's queue and credentials; "
              + "the registration was not made or the change not done. Try again shortly.");
    }
  }
}
