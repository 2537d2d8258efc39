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
 * A hazard (事故隐患) found in an inspection, with its rectification deadline. Whether it is open,
 * overdue or rectified is derived from the deadline and its verifications; the only thing stored
 * about being overdue is that it was announced ({@code overdueAnnouncedAt}), so it is announced once.
 */
public record Hazard(
    String id,
    String description,
    HazardLevel level,
    LocalDate deadline,
    String recordedBy,
    Instant recordedAt,
    List<Verification> verifications,
    Instant overdueAnnouncedAt) {
  /** A hazard that keeps failing re-inspection is a case to open, not a list to grow for ever. */
  static final int MAX_VERIFICATIONS = 50;

  public Hazard {
    verifications = List.copyOf(verifications);
  }

  public boolean major() {
    return level == HazardLevel.MAJOR;
  }

  /** When a re-inspection found it rectified; null while it is not. */
  public Instant rectifiedAt() {
    return verifications.stream().filter(v -> v.outcome() == VerificationOutcome.RECTIFIED)
        .map(Verification::verifiedAt).findFirst().orElse(null);
  }

  public boolean rectified() {
    return rectifiedAt() != null;
  }

  public HazardStatus status(LocalDate today) {
    if (rectified()) {
      return HazardStatus.RECTIFIED;
    }
    return today.isAfter(deadline) ? HazardStatus.OVERDUE : HazardStatus.OPEN;
  }

  /** Whether it was verified rectified only after its deadline day; null while it is not rectified. */
  public Boolean rectifiedLate(ZoneId zone) {
    Instant at = rectifiedAt();
    return at == null ? null : at.atZone(zone).toLocalDate().isAfter(deadline);
  }

  /** Overdue on {@code today} and not yet announced: the overdue job's to-do. */
  public boolean dueForOverdueAnnouncement(LocalDate today) {
    return overdueAnnouncedAt == null && status(today) == HazardStatus.OVERDUE;
  }

  Hazard announcedOverdue(Instant now) {
    return new Hazard(id, description, level, deadline, recordedBy, recordedAt, verifications, now);
  }

  Hazard verify(Instant inspectedAt, Instant verifiedAt, List<String> officers, VerificationOutcome outcome,
      String note, String by, Instant now) {
    if (rectified()) {
      throw new DomainException(ProblemKind.CONFLICT, "already-rectified",
          "hazard " + id + " is already verified as rectified and cannot be verified again")
          .with("hazardId", id).with("state", HazardStatus.RECTIFIED.name());
    }
    if (verifications.size() >= MAX_VERIFICATIONS) {
      throw new DomainException(ProblemKind.RULE_VIOLATION, "too-many-verifications",
          "hazard " + id + " already has " + MAX_VERIFICATIONS + " re-inspections on record");
    }
    List<String> team = Officers.atLeastTwo(officers, "officers");
    if (PastFacts.inFuture(verifiedAt, now)) {
      throw DomainException.invalid("verifiedAt", "a re-inspection cannot take place in the future");
    }
    if (PastFacts.before(verifiedAt, inspectedAt)) {
      throw DomainException.invalid("verifiedAt", "a re-inspection cannot take place before the inspection");
    }
    if (!verifications.isEmpty()
        && PastFacts.before(verifiedAt, verifications.get(verifications.size() - 1).verifiedAt())) {
      throw DomainException.invalid("verifiedAt", "must not be before the previous re-inspection of this hazard");
    }
    List<Verification> all = new ArrayList<>(verifications);
    all.add(new Verification(verifiedAt, team, outcome, note.strip(), by, now));
    return new Hazard(id, description, level, deadline, recordedBy, recordedAt, all, overdueAnnouncedAt);
  }
}
