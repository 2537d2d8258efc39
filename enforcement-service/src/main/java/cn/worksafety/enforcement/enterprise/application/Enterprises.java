package cn.worksafety.enforcement.enterprise.application;

import cn.worksafety.enforcement.enterprise.model.Enterprise;
import cn.worksafety.enforcement.enterprise.model.EnterpriseRegisteredEvent;
import cn.worksafety.platform.web.PageView;
import java.util.Optional;

/** Where enterprises are kept. */
public interface Enterprises {

  /** Stores a new enterprise with its registration event; false when the code is already registered. */
  boolean add(Enterprise enterprise, EnterpriseRegisteredEvent event);

  Optional<Enterprise> find(String uscc);

  /** Enterprises whose region lies inside {@code regionScope}, ordered by code. */
  PageView<Enterprise> list(String regionScope, int offset, int limit);
}
