package cn.worksafety.credit.creditfile.application;

import cn.worksafety.contracts.events.AccidentConcluded;
import cn.worksafety.contracts.events.AccidentReported;
import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.contracts.events.CaseRevoked;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.contracts.events.HazardOverdue;
import cn.worksafety.credit.creditfile.model.AccidentSeverity;
import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.CreditRecord;
import cn.worksafety.credit.creditfile.model.PenaltyFact;
import cn.worksafety.credit.creditfile.model.PenaltySeverity;
import cn.worksafety.credit.creditfile.model.Profile;
import cn.worksafety.credit.creditfile.model.Rating;
import cn.worksafety.credit.creditfile.model.RecordKind;
import cn.worksafety.credit.creditfile.model.RegisteredName;
import cn.worksafety.credit.creditfile.model.Scorecard;
import cn.worksafety.credit.creditfile.model.Withdrawal;
import cn.worksafety.platform.problem.DomainException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Applies enforcement facts to credit files. Every effect is keyed by the event that caused it, so a
 * redelivered event changes nothing; a concurrent change to the same file is retried from a fresh read.
 */
@Service
public class CreditFileService {
  private static final Logger log = LoggerFactory.getLogger(CreditFileService.class);
  private static final int ATTEMPTS = 10;
  private final CreditFiles files;
  private final ActiveScorecard scorecards;
  private final Clock clock;

  public CreditFileService(CreditFiles files, ActiveScorecard scorecards, Clock clock) {
    this.files = files;
    this.scorecards = scorecards;
    this.clock = clock;
  }

  /** Records the decision's penalty; the file as it now stands (so a listing check needs no second read). */
  public CreditFile recordPenalty(String eventId, CaseDecided decided) {
    List<PenaltyFact> penalties = decided.penalties().stream()
        .map(p -> new PenaltyFact(p.kind(), p.amount(), p.periodDays())).toList();
    CreditRecord record = CreditRecord.of(eventId, RecordKind.ADMINISTRATIVE_PENALTY, PenaltySeverity.of(penalties),
        decided.caseId(), decided.legalBasis(), decided.decidedAt().toInstant(), clock.instant(), zone())
        .naming(decided.violationCodes());
    return apply(decided.uscc(), file -> file.addRecord(record, scorecards.current(), clock.instant(), zone()));
  }

  /** A revoked decision stops counting from its revocation; what it did to earlier ratings stays in their history. */
  public void revokeCase(String eventId, CaseRevoked revoked) {
    Withdrawal why = new Withdrawal(revoked.revokedAt().toInstant(), eventId, "处罚决定撤销: " + revoked.reason());
    apply(revoked.uscc(), file -> file.withdraw(
        r -> r.kind() == RecordKind.ADMINISTRATIVE_PENALTY && r.reference().equals(revoked.caseId()),
        why, List.of(), scorecards.current(), clock.instant(), zone()));
  }

  public CreditFile recordAccident(String eventId, AccidentReported reported) {
    List<CreditRecord> records = accidentRecords(eventId, reported.accidentId(), reported.grade(),
        reported.occurredAt().toInstant(), reported.deaths(), reported.seriousInjuries(), reported.concealed(), false);
    return apply(reported.uscc(),
        file -> file.addRecords(records, eventId, scorecards.current(), clock.instant(), zone()));
  }

  /**
   * The investigation's figures replace those first reported: the earlier accident record is
   * withdrawn and one with the concluded grade takes its place. Concealment found (now or later) adds
   * its own record once.
   */
  public CreditFile concludeAccident(String eventId, AccidentConcluded concluded) {
    Withdrawal why = new Withdrawal(concluded.concludedAt().toInstant(), eventId, "事故调查结论");
    return apply(concluded.uscc(), file -> {
      boolean concealmentOnFile = file.records().stream().anyMatch(r -> r.kind() == RecordKind.ACCIDENT_CONCEALED
          && r.reference().equals(concluded.accidentId()) && !r.isWithdrawn());
      List<CreditRecord> replacements = accidentRecords(eventId, concluded.accidentId(), concluded.grade(),
          concluded.occurredAt().toInstant(), concluded.deaths(), concluded.seriousInjuries(),
          concluded.concealed() && !concealmentOnFile, true);
      return file.withdraw(r -> r.kind() == RecordKind.ACCIDENT && r.reference().equals(concluded.accidentId()),
          why, replacements, scorecards.current(), clock.instant(), zone());
    });
  }

  private List<CreditRecord> accidentRecords(String eventId, String accidentId, String grade, Instant occurredAt,
      int deaths, int seriousInjuries, boolean concealed, boolean concluded) {
    List<CreditRecord> records = new ArrayList<>();
    String summary = (concluded ? "事故调查结论" : "事故报告") + ": " + grade + ", 死亡 " + deaths + " 人, 重伤 "
        + seriousInjuries + " 人";
    records.add(CreditRecord.of(eventId, RecordKind.ACCIDENT, AccidentSeverity.of(grade), accidentId, summary,
        occurredAt, clock.instant(), zone()).naming(List.of(grade)));
    if (concealed) {
      records.add(CreditRecord.of(eventId + "#concealed", RecordKind.ACCIDENT_CONCEALED,
          RecordKind.ACCIDENT_CONCEALED.severity(), accidentId, "瞒报、谎报事故", occurredAt, clock.instant(), zone()));
    }
    return records;
  }

  /** Only a major hazard left unrectified goes on the credit file; an ordinary one is enforcement's business. */
  public void recordOverdueHazard(String eventId, Instant announcedAt, HazardOverdue overdue) {
    if (!overdue.major()) {
      log.debug("ordinary hazard {} overdue: no credit record", overdue.hazardId());
      return;
    }
    CreditRecord record = CreditRecord.of(eventId, RecordKind.MAJOR_HAZARD_OVERDUE,
        RecordKind.MAJOR_HAZARD_OVERDUE.severity(), overdue.hazardId(),
        "重大事故隐患逾期未整改 (期限 " + overdue.deadline() + "): " + overdue.description(), announcedAt,
        clock.instant(), zone());
    apply(overdue.uscc(), file -> file.addRecord(record, scorecards.current(), clock.instant(), zone()));
  }

  /**
   * Applies the registration if it is newer than the profile on file, and returns the profile on file
   * afterwards (also when this event changed nothing, so a redelivery can finish what a crash left).
   */
  public Optional<Profile> updateProfile(String eventId, long sequence, EnterpriseRegistered registered) {
    Profile.Principal principal = registered.principal() == null ? null
        : new Profile.Principal(registered.principal().name(), registered.principal().maskedIdNumber());
    Profile profile = new Profile(registered.name(), registered.region(), registered.industry(),
        registered.standardizationGrade(), registered.licenceStatus(), principal);
    return Optional.ofNullable(apply(registered.uscc(), null, file -> file.updateProfile(profile, sequence, eventId,
        scorecards.current(), clock.instant(), zone())).file().profile());
  }

  /** The enterprise stands on the serious-dishonesty list from {@code at} (published or restored), so it is D. */
  public void recordListing(String eventId, String uscc, String entryId, Instant at) {
    apply(uscc, file -> file.listed(entryId, at, eventId, scorecards.current(), clock.instant(), zone()));
  }

  /** The enterprise is off the list under {@code entryId} from {@code at}; its grade follows its score again. */
  public void recordDelisting(String eventId, String uscc, String entryId, Instant at) {
    apply(uscc, file -> file.delisted(entryId, at, eventId, scorecards.current(), clock.instant(), zone()));
  }

  public Optional<CreditFile> find(String uscc) {
    return files.find(uscc);
  }

  public CreditFile get(String uscc) {
    return files.find(uscc).filter(f -> f.profile() != null)
        .orElseThrow(() -> DomainException.notFound("enterprise", uscc));
  }

  /** The enterprise's rating at {@code at}, from the records credit knew of then. */
  public Rating ratingAt(CreditFile file, Instant at) {
    return file.ratingAt(scorecards.current(), at, zone());
  }

  /**
   * Re-rates {@code file} (as just read) now with {@code scorecard}; a changed rating is stored with
   * its history and its {@code credit.rating.changed} in one write, exactly as an event's effect is.
   * When the file changed since it was read, it is read again and re-rated afresh.
   *
   * @return whether the rating changed
   */
  public boolean rerate(CreditFile file, Scorecard scorecard, String cause) {
    return apply(file.uscc(), file, f -> f.rerate(scorecard, clock.instant(), zone(), cause)).saved();
  }

  /** Every registered enterprise's file inside {@code region}. */
  public void forEachIn(String region, java.util.function.Consumer<CreditFile> action) {
    files.forEachIn(region, file -> {
      if (file.profile() != null) {
        action.accept(file);
      }
    });
  }

  /** The registered enterprises' files among these, by USCC, read together. */
  public Map<String, CreditFile> findAll(Collection<String> usccs) {
    Map<String, CreditFile> found = new HashMap<>(files.findAll(usccs));
    found.values().removeIf(f -> f.profile() == null);
    return found;
  }

  /** Every registered enterprise's name and region, in USCC order; close the stream when done. */
  public Stream<RegisteredName> registeredNames() {
    return files.registeredNames();
  }

  /** How many files there are (an estimate). */
  public long count() {
    return files.count();
  }

  private ZoneId zone() {
    return clock.getZone();
  }

  /** Applies {@code change} to the stored file; the file as it stands afterwards. */
  private CreditFile apply(String uscc, Function<CreditFile, CreditFile.Change> change) {
    return apply(uscc, null, change).file();
  }

  /** The file now on record after a change was applied, and whether this change stored it. */
  private record Applied(CreditFile file, boolean saved) {}

  /** Applies {@code change} to the file ({@code known}, or read afresh), retrying from a fresh read on a conflict. */
  private Applied apply(String uscc, CreditFile known, Function<CreditFile, CreditFile.Change> change) {
    CreditFile current = known;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      if (current == null) {
        current = files.find(uscc).orElse(CreditFile.open(uscc));
      }
      CreditFile.Change result = change.apply(current);
      if (result.isNoOp(current)) {
        log.debug("nothing to change on {}", uscc);
        return new Applied(current, false);
      }
      if (files.save(result.file(), result.ratingChanged())) {
        return new Applied(result.file(), true);
      }
      current = null;
    }
    throw new IllegalStateException("credit file " + uscc + " kept changing under " + ATTEMPTS + " attempts");
  }
}
