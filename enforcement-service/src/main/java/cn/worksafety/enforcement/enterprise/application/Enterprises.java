package cn.worksafety.enforcement.enterprise.application;

import cn.worksafety.enforcement.enterprise.model.Enterprise;
import cn.worksafety.enforcement.enterprise.model.EnterpriseEvent;
import cn.worksafety.platform.audit.AuditEntry;
import cn.worksafety.platform.web.PageView;
import java.util.List;
import java.util.Optional;

/** Where enterprises are kept. */
public interface Enterprises {

  /** Stores a new enterprise with its registration event and audit entry; false when the code is taken. */
  boolean add(Enterprise enterprise, EnterpriseEvent event, String action);

  Optional<Enterprise> find(String uscc);

  /** Stores {@code changed} in place of {@code before} with its event and audit entry; false if that version is gone. */
  boolean update(Enterprise before, Enterprise changed, EnterpriseEvent event);

  /** Enterprises matching {@code filter}, ordered by code. */
  PageView<Enterprise> list(EnterpriseFilter filter, int offset, int limit);

  List<AuditEntry> history(String uscc);
}
