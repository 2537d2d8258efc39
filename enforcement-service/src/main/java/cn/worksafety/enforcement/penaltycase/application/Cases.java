package cn.worksafety.enforcement.penaltycase.application;

import cn.worksafety.enforcement.penaltycase.model.CaseEvent;
import cn.worksafety.enforcement.penaltycase.model.CaseState;
import cn.worksafety.enforcement.penaltycase.model.PenaltyCase;
import cn.worksafety.platform.audit.AuditEntry;
import cn.worksafety.platform.web.DayRange;
import cn.worksafety.platform.web.PageView;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where penalty cases are kept. */
public interface Cases {

  void add(PenaltyCase penaltyCase);

  Optional<PenaltyCase> find(String id);

  /**
   * Stores {@code changed} in place of {@code before}, together with its events and its audit entry,
   * in one write; false when the stored case is no longer {@code before}'s version.
   */
  boolean update(PenaltyCase before, PenaltyCase changed, List<CaseEvent> events);

  /** The case's audit trail, oldest first. */
  List<AuditEntry> history(String id);

  /**
   * Cases in the region, optionally in one state, optionally only those still undecided after their
   * deadline, optionally filed within a range of days.
   */
  PageView<PenaltyCase> list(String regionScope, CaseState state, LocalDate overdueOn, DayRange filed, int offset,
      int limit);
}
