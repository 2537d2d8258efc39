package cn.worksafety.enforcement.penaltycase.application;

import cn.worksafety.enforcement.penaltycase.model.CaseEvent;
import cn.worksafety.enforcement.penaltycase.model.CaseState;
import cn.worksafety.enforcement.penaltycase.model.PenaltyCase;
import cn.worksafety.platform.web.PageView;
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

  PageView<PenaltyCase> list(String regionScope, CaseState state, int offset, int limit);
}
