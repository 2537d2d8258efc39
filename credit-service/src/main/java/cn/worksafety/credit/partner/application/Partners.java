package cn.worksafety.credit.partner.application;

import cn.worksafety.credit.partner.model.Partner;
import cn.worksafety.credit.partner.model.Webhook;
import java.util.List;
import java.util.Optional;

/** Where partner departments are kept. */
public interface Partners {

  /** False when a partner with that code exists already. */
  boolean add(Partner partner);

  Optional<Partner> find(String code);

  List<Partner> all();

  /** Stores the name, measures and event types of {@code changed}. */
  void update(Partner changed);

  /** A new webhook secret (the URL stays). */
  void replaceWebhook(String code, Webhook webhook);

  /** False when there was no such partner. */
  boolean remove(String code);
}
