package cn.worksafety.enforcement.inspection.application;

import cn.worksafety.enforcement.inspection.model.HazardOverdueEvent;
import cn.worksafety.enforcement.inspection.model.Inspection;
import cn.worksafety.platform.audit.AuditEntry;
import cn.worksafety.platform.web.PageView;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Where inspections and their hazards are kept. */
public interface Inspections {

  void add(Inspection inspection);

  Optional<Inspection> find(String id);

  /**
   * Stores {@code changed} in place of {@code before}, with its events and an audit entry for
   * {@code action}; false if {@code before}'s version is gone.
   */
  boolean update(Inspection before, Inspection changed, String action, List<HazardOverdueEvent> events);

  /** The inspection record's audit trail, oldest first. */
  List<AuditEntry> history(String id);

  PageView<Inspection> list(String regionScope, InspectionQuery query, int offset, int limit);

  /** Ids of inspections, in every region, holding a hazard overdue on {@code today} and not yet announced. */
  List<String> withUnannouncedOverdueHazards(LocalDate today, int limit);
}
