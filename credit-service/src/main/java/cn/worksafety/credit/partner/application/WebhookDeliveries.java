package cn.worksafety.credit.partner.application;

import cn.worksafety.credit.partner.model.Partner;

/** The service's own consumers that post a webhook department's queue to its URL. */
public interface WebhookDeliveries {

  /** Starts posting the partner's queue on this instance (other instances follow within a refresh). */
  void start(Partner partner);

  /** Stops it on this instance; a message in flight goes back to the queue. */
  void stop(Partner partner);
}
