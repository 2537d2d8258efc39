package cn.worksafety.enforcement.inspection.model;

import java.time.Instant;
import java.util.List;

/** One re-inspection of a hazard: when, by which officers, what they found, and who recorded it when. */
public record Verification(Instant verifiedAt, List<String> officers, VerificationOutcome outcome, String note,
    String recordedBy, Instant recordedAt) {

  public Verification {
    officers = List.copyOf(officers);
  }
}
