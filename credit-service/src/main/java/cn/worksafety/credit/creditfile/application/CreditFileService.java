package cn.worksafety.credit.creditfile.application;

import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.CreditRecord;
import cn.worksafety.credit.creditfile.model.PenaltyFact;
import cn.worksafety.credit.creditfile.model.PenaltySeverity;
import cn.worksafety.credit.creditfile.model.Profile;
import cn.worksafety.credit.creditfile.model.Rating;
import cn.worksafety.credit.creditfile.model.RecordKind;
import cn.worksafety.credit.creditfile.model.Scorecard;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.web.PageView;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
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
  private final Scorecard scorecard;
  private final Clock clock;

  public CreditFileService(CreditFiles files, Scorecard scorecard, Clock clock) {
    this.files = files;
    this.scorecard = scorecard;
    this.clock = clock;
  }

  public void recordPenalty(String eventId, CaseDecided decided) {
    List<PenaltyFact> penalties = decided.penalties().stream()
        .map(p -> new PenaltyFact(p.kind(), p.amount(), p.periodDays())).toList();
    CreditRecord record = CreditRecord.of(eventId, RecordKind.ADMINISTRATIVE_PENALTY, PenaltySeverity.of(penalties),
        decided.caseId(), decided.legalBasis(), decided.decidedAt().toInstant(), clock.getZone());
    apply(decided.uscc(), file -> file.addRecord(record, scorecard, clock.instant(), clock.getZone()));
  }

  public void updateProfile(long sequence, EnterpriseRegistered registered) {
    Profile profile = new Profile(registered.name(), registered.region(), registered.industry(),
        registered.standardizationGrade());
    apply(registered.uscc(), file -> file.updateProfile(profile, sequence, scorecard, clock.instant(), clock.getZone()));
  }

  public CreditFile get(String uscc) {
    return files.find(uscc).filter(f -> f.profile() != null)
        .orElseThrow(() -> DomainException.notFound("enterprise", uscc));
  }

  /** The enterprise's rating now, counting only records still inside their publication period. */
  public Rating ratingNow(CreditFile file) {
    return file.ratingAt(scorecard, clock.instant(), clock.getZone());
  }

  public PageView<CreditFile> search(String text, int offset, int limit) {
    return files.search(text, offset, limit);
  }

  private void apply(String uscc, Function<CreditFile, CreditFile.Change> change) {
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      CreditFile current = files.find(uscc).orElse(CreditFile.open(uscc));
      CreditFile.Change result = change.apply(current);
      if (result.isNoOp(current)) {
        log.debug("nothing to change on {}", uscc);
        return;
      }
      if (files.save(result.file(), result.ratingChanged())) {
        return;
      }
    }
    throw new IllegalStateException("credit file " + uscc + " kept changing under " + ATTEMPTS + " attempts");
  }
}
