package cn.worksafety.credit.partner.application;

import cn.worksafety.credit.partner.model.Partner;

/** The broker side of a partner: its queue and dead-letter queue, bound to {@code credit.events}. */
public interface PartnerChannels {

  /** Idempotent: provisioning an existing partner again changes nothing. */
  void provision(Partner partner);
}
