package cn.worksafety.enforcement.inspection.model;

import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import cn.worksafety.platform.time.PastFacts;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * An on-site inspection (监督检查) of an enterprise by at least two officers, and the hazards it
 * found. Immutable: each change returns the inspection as it now stands, one version on. Days
 * (the inspection date, deadlines, "today") are counted in {@code zone}, the zone the law counts in.
 */
public record Inspection(
    String id,
    String uscc,
    String region,
    Instant inspectedAt,
    List<String> officers,
    String findings,
    List<Hazard> hazards,
    String recordedBy,
    Instant recordedAt,
    long version) {
  /** Keeps one inspection a readable record (and a small document). */
  static final int MAX_HAZARDS = 200;

  public Inspection {
    officers = List.copyOf(officers);
    hazards = List.copyOf(hazards);
  }

  public static Inspection record(String id, String uscc, String region, Instant inspectedAt, List<String> officers,
      String findings, List<HazardFinding> found, String by, Instant now, ZoneId zone) {
    List<String> team = Officers.atLeastTwo(officers, "officers");
    if (PastFacts.inFuture(inspectedAt, now)) {
      throw DomainException.invalid("inspectedAt", "an inspection cannot take place in the future");
    }
    Inspection inspection = new Inspection(id, uscc, region, inspectedAt, team, findings.strip(), List.of(), by, now,
        1);
    List<Hazard> hazards = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      hazards.add(inspection.newHazard(hazards.size(), found.get(i), "hazards[" + i + "].deadline", by, now, zone));
    }
    return inspection.with(hazards, 1);
  }

  /** The calendar day of the inspection in {@code zone}. */
  public LocalDate inspectedOn(ZoneId zone) {
    return inspectedAt.atZone(zone).toLocalDate();
  }

  public Hazard hazard(String hazardId) {
    return hazards.stream().filter(h -> h.id().equals(hazardId)).findFirst()
        .orElseThrow(() -> DomainException.notFound("hazard", hazardId));
  }

  public Inspection addHazard(HazardFinding finding, String by, Instant now, ZoneId zone) {
    if (hazards.size() >= MAX_HAZARDS) {
      throw new DomainException(ProblemKind.RULE_VIOLATION, "too-many-hazards",
          "an inspection records at most " + MAX_HAZARDS + " hazards; record a new inspection");
    }
    List<Hazard> all = new ArrayList<>(hazards);
    all.add(newHazard(hazards.size(), finding, "deadline", by, now, zone));
    return with(all, version + 1);
  }

  /**
   * Records a re-inspection (复查) of one hazard. RECTIFIED closes it; NOT_RECTIFIED keeps it open
   * (and overdue once its deadline has passed); a rectified hazard is not verified again.
   */
  public Inspection verify(String hazardId, Instant verifiedAt, List<String> verifiers, VerificationOutcome outcome,
      String note, String by, Instant now) {
    Hazard verified = hazard(hazardId).verify(inspectedAt, verifiedAt, verifiers, outcome, note, by, now);
    return with(hazards.stream().map(h -> h.id().equals(hazardId) ? verified : h).toList(), version + 1);
  }

  /**
   * Marks every hazard that is overdue on {@code today} and not yet announced as announced, with an
   * event for each; no change (the same inspection, no events) when there is none.
   */
  public Change announceOverdue(LocalDate today, Instant now) {
    List<Hazard> all = new ArrayList<>();
    List<Hazard> announced = new ArrayList<>();
    for (Hazard h : hazards) {
      if (h.dueForOverdueAnnouncement(today)) {
        Hazard marked = h.announcedOverdue(now);
        announced.add(marked);
        all.add(marked);
      } else {
        all.add(h);
      }
    }
    if (announced.isEmpty()) {
      return new Change(this, List.of());
    }
    Inspection changed = with(all, version + 1);
    return new Change(changed, announced.stream().map(h -> new HazardOverdueEvent(changed, h, now)).toList());
  }

  public long count(HazardStatus status, LocalDate today) {
    return hazards.stream().filter(h -> h.status(today) == status).count();
  }

  private Hazard newHazard(int index, HazardFinding finding, String deadlineField, String by, Instant now,
      ZoneId zone) {
    LocalDate inspectedOn = inspectedOn(zone);
    if (finding.deadline().isBefore(inspectedOn)) {
      throw DomainException.invalid(deadlineField,
          "the rectification deadline cannot be before the inspection date " + inspectedOn);
    }
    return new Hazard("H-" + (index + 1), finding.description().strip(), finding.level(), finding.deadline(), by,
        now, List.of(), null);
  }

  private Inspection with(List<Hazard> changedHazards, long newVersion) {
    return new Inspection(id, uscc, region, inspectedAt, officers, findings, changedHazards, recordedBy, recordedAt,
        newVersion);
  }

  /** An inspection as it now stands and the events to announce. */
  public record Change(Inspection inspection, List<HazardOverdueEvent> events) {}
}
