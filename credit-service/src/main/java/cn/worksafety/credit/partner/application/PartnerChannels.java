package cn.worksafety.credit.partner.application;

import cn.worksafety.credit.partner.model.BrokerCredentials;
import cn.worksafety.credit.partner.model.Partner;

/**
 * The broker side of a partner: its queue and dead-letter queue bound to {@code credit.events}, and
 * a broker user that can read that queue only. Failures surface as a 503 problem; what a failed
 * registration did provision is revoked again.
 */
public interface PartnerChannels {

  /**
   * At registration: declares the queues and their bindings; a queue of that name left by a
   * department no longer registered, declared otherwise, is replaced.
   */
  void declareQueues(Partner partner);

  /** Binds the queue for the event types {@code changed} receives and unbinds it from those it no longer does. */
  void rebind(Partner before, Partner changed);

  /** Sets a new password for the partner's broker user (creating it); the old one stops working. */
  BrokerCredentials issueCredentials(Partner partner);

  /** Deletes the user (closing its connections), its queues and their bindings. */
  void revoke(Partner partner);
}
