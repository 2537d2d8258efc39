package cn.worksafety.credit.partner.application;

import cn.worksafety.credit.partner.model.Partner;
import java.util.List;
import java.util.Optional;

/** Where partner departments are kept. */
public interface Partners {

  /** False when a partner with that code exists already. */
  boolean add(Partner partner);

  Optional<Partner> find(String code);

  List<Partner> all();

  /** False when there was no such partner. */
  boolean remove(String code);
}
