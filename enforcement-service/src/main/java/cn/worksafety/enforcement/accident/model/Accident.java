package cn.worksafety.enforcement.accident.model;

import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import cn.worksafety.platform.time.PastFacts;
import java.time.Instant;
import java.util.List;

/**
 * A work-safety accident (生产安全事故) at an enterprise. Its grade is never stored as a fact: it is
 * derived from the figures in force, the established ones once concluded, the reported ones before.
 * Concealment or false reporting (瞒报、谎报) can be recorded when it is found, also after conclusion.
 */
public record Accident(
    String id,
    String uscc,
    String region,
    Instant occurredAt,
    String description,
    Figures reported,
    Figures established,
    boolean concealed,
    String concealmentNote,
    AccidentState state,
    Instant reportedAt,
    Instant concludedAt,
    long version) {

  public static Change report(String id, String uscc, String region, Instant occurredAt, String description,
      Figures figures, boolean concealed, Instant now) {
    if (PastFacts.inFuture(occurredAt, now)) {
      throw DomainException.invalid("occurredAt", "an accident cannot have happened in the future");
    }
    Accident reported = new Accident(id, uscc, region, occurredAt, description.strip(), figures, null, concealed,
        null, AccidentState.REPORTED, now, null, 1);
    return new Change(reported, List.of(new AccidentEvent(AccidentEvent.Kind.REPORTED, reported, now)));
  }

  /** The figures in force: established by the investigation once concluded, as reported before. */
  public Figures figures() {
    return established != null ? established : reported;
  }

  public AccidentGrade grade() {
    return figures().grade();
  }

  public Change conclude(Figures findings, boolean concealmentFound, Instant now) {
    if (state != AccidentState.REPORTED) {
      throw new DomainException(ProblemKind.CONFLICT, "step-not-allowed", "the accident is already concluded")
          .with("state", state.name()).with("allowed", concealed ? List.of() : List.of("concealment"));
    }
    Accident concluded = new Accident(id, uscc, region, occurredAt, description, reported, findings,
        concealed || concealmentFound, concealmentNote, AccidentState.CONCLUDED, reportedAt, now, version + 1);
    return new Change(concluded, List.of(new AccidentEvent(AccidentEvent.Kind.CONCLUDED, concluded, now)));
  }

  /**
   * Records that the accident was concealed or falsely reported. After conclusion the established
   * facts change, so they are announced again; before it, the conclusion will carry the flag.
   */
  public Change recordConcealment(String note, Instant now) {
    if (concealed) {
      throw new DomainException(ProblemKind.CONFLICT, "already-recorded",
          "concealment is already recorded for this accident");
    }
    Accident marked = new Accident(id, uscc, region, occurredAt, description, reported, established, true,
        note.strip(), state, reportedAt, concludedAt, version + 1);
    List<AccidentEvent> events = state == AccidentState.CONCLUDED
        ? List.of(new AccidentEvent(AccidentEvent.Kind.CONCLUDED, marked, now))
        : List.of();
    return new Change(marked, events);
  }

  /** An accident as it now stands and the events to announce. */
  public record Change(Accident accident, List<AccidentEvent> events) {}
}
