package cn.worksafety.enforcement.accident.application;

import cn.worksafety.enforcement.accident.model.Accident;
import cn.worksafety.enforcement.accident.model.AccidentEvent;
import cn.worksafety.enforcement.accident.model.AccidentGrade;
import cn.worksafety.platform.audit.AuditEntry;
import cn.worksafety.platform.web.DayRange;
import cn.worksafety.platform.web.PageView;
import java.util.List;
import java.util.Optional;

/** Where accidents are kept. */
public interface Accidents {

  void add(Accident accident, List<AccidentEvent> events);

  Optional<Accident> find(String id);

  /**
   * Stores {@code changed} in place of {@code before}, with its events and an audit entry for
   * {@code action}; false if {@code before}'s version is gone.
   */
  boolean update(Accident before, Accident changed, String action, List<AccidentEvent> events);

  /** The accident record's audit trail, oldest first. */
  List<AuditEntry> history(String id);

  /** Accidents in the region, optionally of one grade, optionally that occurred within a range of days. */
  PageView<Accident> list(String regionScope, AccidentGrade grade, DayRange occurred, int offset, int limit);
}
