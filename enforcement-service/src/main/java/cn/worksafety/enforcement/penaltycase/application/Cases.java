package cn.worksafety.enforcement.penaltycase.application;

import cn.worksafety.enforcement.penaltycase.model.CaseEvent;
import cn.worksafety.enforcement.penaltycase.model.CaseState;
import cn.worksafety.enforcement.penaltycase.model.PenaltyCase;
import cn.worksafety.platform.web.PageView;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where penalty cases are kept. */
public interface Cases {

  void add(PenaltyCase penaltyCase);

  Optional<PenaltyCase> find(String id);

  /**
   * Stores {@code changed} in place of the version before it, together with its events, in one
   * write; false when the stored case is no longer that version.
   */
  boolean update(PenaltyCase changed, List<CaseEvent> events);

  /** Cases in the region, optionally in one state, optionally only those still undecided after their deadline. */
  PageView<PenaltyCase> list(String regionScope, CaseState state, LocalDate overdueOn, int offset, int limit);
}
