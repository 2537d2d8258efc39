package cn.worksafety.credit.sanction.model;

import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import cn.worksafety.platform.time.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One department's part in one listing (发起 → 响应 → 反馈): the measures of the entry it applies,
 * its acknowledgement and its feedback per measure. While the entry is in force each measure needs
 * {@code APPLIED} or {@code NOT_APPLICABLE}; after removal each one not reported not applicable
 * needs {@code LIFTED}; a restoration asks for the lifted ones again. Each of these rounds has to be
 * answered within a number of working days of its start, or the task is overdue.
 */
public record SanctionTask(
    String id,
    String entryId,
    String uscc,
    String unitName,
    String department,
    String departmentName,
    List<String> measures,
    Instant issuedAt,
    Instant acknowledgedAt,
    String acknowledgedBy,
    Instant removedAt,
    Instant restoredAt,
    List<Feedback> feedback,
    long version) {

  public SanctionTask {
    measures = List.copyOf(measures);
    feedback = List.copyOf(feedback);
  }

  public static String idOf(String entryId, String department) {
    return entryId + ":" + department;
  }

  public static SanctionTask issue(String entryId, String uscc, String unitName, String department,
      String departmentName, List<String> measures, Instant at) {
    return new SanctionTask(idOf(entryId, department), entryId, uscc, unitName, department, departmentName, measures,
        at, null, null, null, null, List.of(), 1);
  }

  public boolean entryInForce() {
    return removedAt == null;
  }

  /** The latest outcome reported for each measure of the task, in the task's order. */
  public Map<String, Optional<Feedback>> latest() {
    Map<String, Optional<Feedback>> latest = new LinkedHashMap<>();
    measures.forEach(m -> latest.put(m, Optional.empty()));
    feedback.forEach(f -> latest.put(f.measure(), Optional.of(f)));
    return latest;
  }

  /** The measures the current round still waits for. */
  public List<String> outstanding() {
    Set<Outcome> done = entryInForce() ? Set.of(Outcome.APPLIED, Outcome.NOT_APPLICABLE)
        : Set.of(Outcome.LIFTED, Outcome.NOT_APPLICABLE);
    List<String> outstanding = new ArrayList<>();
    latest().forEach((measure, f) -> {
      if (f.map(Feedback::outcome).filter(done::contains).isEmpty()) {
        outstanding.add(measure);
      }
    });
    return outstanding;
  }

  public TaskStatus status() {
    boolean done = outstanding().isEmpty();
    if (!entryInForce()) {
      return done ? TaskStatus.LIFTED : TaskStatus.LIFT_PENDING;
    }
    if (done) {
      return TaskStatus.APPLIED;
    }
    return acknowledgedAt == null ? TaskStatus.OPEN : TaskStatus.ACKNOWLEDGED;
  }

  /** When the current round began: the issue, the removal or the restoration. */
  public Instant roundStartedAt() {
    if (removedAt != null) {
      return removedAt;
    }
    return restoredAt != null ? restoredAt : issuedAt;
  }

  /** The last day to answer the current round. */
  public LocalDate dueDate(WorkingDayCalendar calendar, ZoneId zone, int workingDays) {
    return calendar.addWorkingDays(LocalDate.ofInstant(roundStartedAt(), zone), workingDays);
  }

  public boolean overdue(LocalDate today, WorkingDayCalendar calendar, ZoneId zone, int workingDays) {
    return !outstanding().isEmpty() && today.isAfter(dueDate(calendar, zone, workingDays));
  }

  /** Acknowledging twice changes nothing. */
  public SanctionTask acknowledge(String by, Instant at) {
    if (acknowledgedAt != null) {
      return this;
    }
    return new SanctionTask(id, entryId, uscc, unitName, department, departmentName, measures, issuedAt, at, by,
        removedAt, restoredAt, feedback, version + 1);
  }

  public SanctionTask report(List<MeasureReport> reports, String by, Instant at, LocalDate today) {
    if (acknowledgedAt == null) {
      throw new DomainException(ProblemKind.CONFLICT, "not-acknowledged",
          "acknowledge the task before reporting on its measures").with("allowed", List.of("acknowledgement"));
    }
    Set<String> seen = new HashSet<>();
    List<Feedback> added = new ArrayList<>(feedback);
    for (int i = 0; i < reports.size(); i++) {
      MeasureReport r = reports.get(i);
      String field = "measures[" + i + "]";
      if (!measures.contains(r.measure())) {
        throw DomainException.invalid(field + ".measure", "not a measure of this task; its measures are " + measures);
      }
      if (!seen.add(r.measure())) {
        throw DomainException.invalid(field + ".measure", "reported twice in one report");
      }
      check(r, field, today);
      added.add(new Feedback(r.measure(), r.outcome(), r.reference(), r.date(), r.reason(), at, by));
    }
    return new SanctionTask(id, entryId, uscc, unitName, department, departmentName, measures, issuedAt,
        acknowledgedAt, acknowledgedBy, removedAt, restoredAt, added, version + 1);
  }

  private void check(MeasureReport r, String field, LocalDate today) {
    switch (r.outcome()) {
      case APPLIED -> {
        if (!entryInForce()) {
          throw outOfRound(r, "the entry was removed: report the measure LIFTED");
        }
        required(r.reference(), field + ".reference", "the department's own reference for applying it");
        dated(r.date(), field, today);
      }
      case LIFTED -> {
        if (entryInForce()) {
          throw outOfRound(r, "the entry is in force: a measure is lifted only after its removal");
        }
        dated(r.date(), field, today);
      }
      case NOT_APPLICABLE -> required(r.reason(), field + ".reason", "why the measure does not apply");
    }
  }

  private static void required(String value, String field, String what) {
    if (value == null || value.isBlank()) {
      throw DomainException.invalid(field, "is required: " + what);
    }
  }

  private static void dated(LocalDate date, String field, LocalDate today) {
    if (date == null) {
      throw DomainException.invalid(field + ".date", "is required");
    }
    if (date.isAfter(today)) {
      throw DomainException.invalid(field + ".date", "must not be in the future");
    }
  }

  private DomainException outOfRound(MeasureReport r, String message) {
    List<String> allowed = entryInForce() ? List.of("APPLIED", "NOT_APPLICABLE") : List.of("LIFTED", "NOT_APPLICABLE");
    return new DomainException(ProblemKind.CONFLICT, "outcome-not-allowed", r.outcome() + " for " + r.measure()
        + ": " + message).with("allowed", allowed);
  }

  /** The entry left the list; a removal older than the last restoration (a late redelivery) changes nothing. */
  public SanctionTask entryRemoved(Instant at) {
    if (removedAt != null || (restoredAt != null && !at.isAfter(restoredAt))) {
      return this;
    }
    return new SanctionTask(id, entryId, uscc, unitName, department, departmentName, measures, issuedAt,
        acknowledgedAt, acknowledgedBy, at, restoredAt, feedback, version + 1);
  }

  /**
   * The entry is back on the list (a fraudulent repair): lifted measures are to be applied again. A
   * restoration seen before its removal is kept, so the removal, when it comes, is known to be older.
   */
  public SanctionTask entryRestored(Instant at) {
    if ((restoredAt != null && !at.isAfter(restoredAt)) || (removedAt != null && removedAt.isAfter(at))) {
      return this;
    }
    return new SanctionTask(id, entryId, uscc, unitName, department, departmentName, measures, issuedAt,
        acknowledgedAt, acknowledgedBy, null, at, feedback, version + 1);
  }
}
