package cn.worksafety.credit.creditfile.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The credit file and the first scorecard (read from the data file the service ships). */
class CreditFileTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Instant NOW = LocalDate.of(2026, 11, 23).atStartOfDay(ZONE).toInstant();
  static final Scorecard V1 = shippedScorecard();
  static final Profile PROFILE = new Profile("深圳市华安化工有限公司", "440300", "HAZARDOUS_CHEMICALS", "NONE", "VALID");
  static final String USCC = "914403001922038216";

  static Scorecard shippedScorecard() {
    try (InputStream in = CreditFileTest.class.getResourceAsStream("/scorecards/v1.json")) {
      return JsonMapper.builder().build().readValue(in, Scorecard.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static CreditRecord fine(String eventId, String amount, Instant at) {
    Severity s = PenaltySeverity.of(List.of(new PenaltyFact("FINE", new BigDecimal(amount), null)));
    return CreditRecord.of(eventId, RecordKind.ADMINISTRATIVE_PENALTY, s, "case-1", "basis", at, at, ZONE);
  }

  static CreditFile registered() {
    return CreditFile.open(USCC).updateProfile(PROFILE, 1, "evt-reg", V1, NOW, ZONE).file();
  }

  static int sumOfLines(Rating r) {
    return r.base() + r.lines().stream().mapToInt(RatingLine::points).sum();
  }

  @Test
  void theFirstProfileGivesTheFirstRatingAndStartsTheHistory() {
    CreditFile.Change change = CreditFile.open(USCC).updateProfile(PROFILE, 7, "evt-reg", V1, NOW, ZONE);
    assertThat(change.file().rating().grade()).isEqualTo(Grade.A);
    assertThat(change.file().rating().score()).isEqualTo(100);
    assertThat(change.ratingChanged()).hasValueSatisfying(e -> assertThat(e.before()).isNull());
    assertThat(change.file().history()).singleElement()
        .isEqualTo(new RatingPeriod(Grade.A, 100, "v1", NOW, "evt-reg"));
    assertThat(change.file().version()).isEqualTo(1);
  }

  @Test
  void anOlderProfileDoesNotOverwriteANewerOne() {
    CreditFile file = CreditFile.open(USCC).updateProfile(PROFILE, 7, "evt-7", V1, NOW, ZONE).file();
    Profile older = new Profile("旧名称", "440300", "TRADE", "NONE", "VALID");
    CreditFile.Change change = file.updateProfile(older, 5, "evt-5", V1, NOW, ZONE);
    assertThat(change.isNoOp(file)).isTrue();
    assertThat(change.file().profile()).isEqualTo(PROFILE);
  }

  @Test
  void theSameEventAddsOneRecordAndOneRatingChange() {
    CreditFile.Change first = registered().addRecord(fine("evt-1", "20000", NOW), V1, NOW, ZONE);
    assertThat(first.file().records()).hasSize(1);
    assertThat(first.ratingChanged()).isPresent();
    assertThat(first.file().rating().score()).isEqualTo(85);
    assertThat(first.file().rating().grade()).isEqualTo(Grade.B);

    CreditFile.Change again = first.file().addRecord(fine("evt-1", "20000", NOW), V1, NOW, ZONE);
    assertThat(again.isNoOp(first.file())).isTrue();
    assertThat(again.ratingChanged()).isEmpty();
  }

  @Test
  void aChangeThatLeavesGradeAndScoreAloneIsNotAnnouncedNorAddedToTheHistory() {
    CreditFile file = registered();
    CreditFile.Change renamed = file.updateProfile(
        new Profile("新名称", "440300", "HAZARDOUS_CHEMICALS", "NONE", "VALID"), 2, "evt-2", V1, NOW, ZONE);
    assertThat(renamed.ratingChanged()).isEmpty();
    assertThat(renamed.file().history()).hasSize(1);
    assertThat(renamed.file().profile().name()).isEqualTo("新名称");
  }

  @Test
  void theScoreIsTheBasePlusItsLinesAndNeverBelowZero() {
    CreditFile file = registered();
    for (int i = 0; i < 5; i++) {
      file = file.addRecord(fine("evt-" + i, "200000", NOW), V1, NOW, ZONE).file();
    }
    Rating rating = file.rating();
    assertThat(sumOfLines(rating)).isEqualTo(rating.score());
    assertThat(rating.score()).isZero();
    assertThat(rating.grade()).isEqualTo(Grade.D);
    assertThat(rating.lines()).extracting(RatingLine::rule).contains("ADMINISTRATIVE_PENALTY/SERIOUS", "FLOOR");
  }

  @Test
  void eachSeverityCountsForExactlyItsPublicationPeriod() {
    for (Severity severity : Severity.values()) {
      CreditRecord r = CreditRecord.of("e", RecordKind.ADMINISTRATIVE_PENALTY, severity, "c", "s", NOW, NOW, ZONE);
      LocalDate end = LocalDate.of(2026, 11, 23).plus(severity.publicationPeriod());
      assertThat(r.activeAt(end.minusDays(1).atTime(23, 59).atZone(ZONE).toInstant(), ZONE)).as(severity.name()).isTrue();
      assertThat(r.activeAt(end.atStartOfDay(ZONE).toInstant(), ZONE)).as(severity.name()).isFalse();
    }
    assertThat(Severity.MINOR.publicationPeriod()).isEqualTo(Period.ofMonths(3));
    assertThat(Severity.GENERAL.publicationPeriod()).isEqualTo(Period.ofYears(1));
    assertThat(Severity.SERIOUS.publicationPeriod()).isEqualTo(Period.ofYears(3));
  }

  @Test
  void theRatingAsOfAMomentCountsOnlyWhatWasPublishedAndKnownThen() {
    CreditRecord general = fine("evt-1", "20000", NOW);
    CreditFile file = registered().addRecord(general, V1, NOW, ZONE).file();
    assertThat(file.ratingAt(V1, NOW.minusSeconds(1), ZONE).score()).as("before it happened").isEqualTo(100);
    assertThat(file.ratingAt(V1, NOW, ZONE).score()).isEqualTo(85);
    Instant afterPublication = LocalDate.of(2027, 11, 23).atStartOfDay(ZONE).toInstant();
    Rating later = file.ratingAt(V1, afterPublication, ZONE);
    assertThat(later.score()).isEqualTo(100);
    assertThat(later.lines()).isEmpty();

    Instant learnedLate = NOW.plusSeconds(3600);
    CreditRecord late = CreditRecord.of("evt-late", RecordKind.ADMINISTRATIVE_PENALTY, Severity.MINOR, "c2", "s",
        NOW, learnedLate, ZONE);
    CreditFile withLate = file.addRecord(late, V1, learnedLate, ZONE).file();
    assertThat(withLate.ratingAt(V1, NOW.plusSeconds(60), ZONE).score()).as("not yet known").isEqualTo(85);
    assertThat(withLate.ratingAt(V1, learnedLate, ZONE).score()).isEqualTo(80);
  }

  @Test
  void anOlderRecordCountsLessAsTheScorecardSays() {
    Instant twoYearsAgo = LocalDate.of(2024, 11, 22).atStartOfDay(ZONE).toInstant();
    Instant overAYearAgo = LocalDate.of(2025, 11, 22).atStartOfDay(ZONE).toInstant();
    CreditFile file = registered()
        .addRecord(fine("evt-2y", "200000", twoYearsAgo), V1, NOW, ZONE).file()
        .addRecord(fine("evt-1y", "200000", overAYearAgo), V1, NOW, ZONE).file()
        .addRecord(fine("evt-now", "200000", NOW), V1, NOW, ZONE).file();
    Rating rating = file.rating();
    assertThat(rating.lines()).extracting(RatingLine::points).containsExactly(-7, -15, -30);
    assertThat(rating.lines().get(0).rule()).contains("25%").contains("24 months");
    assertThat(rating.score()).isEqualTo(100 - 7 - 15 - 30).isEqualTo(sumOfLines(rating));
  }

  @Test
  void reratingLaterAnnouncesWhatAgedOnceWithItsCauseAndAgainChangesNothing() {
    CreditFile file = registered().addRecord(fine("evt-1", "20000", NOW), V1, NOW, ZONE).file();
    assertThat(file.rerate(V1, NOW.plusSeconds(60), ZONE, "daily-rerating").isNoOp(file))
        .as("the same grade and score: nothing to store").isTrue();

    Instant afterPublication = LocalDate.of(2027, 11, 23).atStartOfDay(ZONE).toInstant();
    CreditFile.Change aged = file.rerate(V1, afterPublication, ZONE, "daily-rerating");
    assertThat(aged.file().rating().score()).isEqualTo(100);
    assertThat(aged.file().version()).isEqualTo(file.version() + 1);
    assertThat(aged.file().records()).isEqualTo(file.records());
    assertThat(aged.ratingChanged()).hasValueSatisfying(e -> {
      assertThat(e.before().score()).isEqualTo(85);
      assertThat(e.after().effectiveAt()).isEqualTo(afterPublication);
    });
    assertThat(aged.file().history()).last().isEqualTo(new RatingPeriod(Grade.A, 100, "v1", afterPublication,
        "daily-rerating"));
    assertThat(aged.file().rerate(V1, afterPublication.plusSeconds(86400), ZONE, "daily-rerating")
        .isNoOp(aged.file())).isTrue();

    CreditFile unregistered = CreditFile.open(USCC).addRecord(fine("evt-2", "20000", NOW), V1, NOW, ZONE).file();
    assertThat(unregistered.rerate(V1, NOW, ZONE, "daily-rerating").isNoOp(unregistered))
        .as("not rated until registered").isTrue();
  }

  @Test
  void anotherScorecardRatesTheSameRecordsAndNamesItselfInTheHistory() {
    Scorecard harsher = new Scorecard("v2", 100, Map.of(RecordKind.ADMINISTRATIVE_PENALTY,
        Map.of(Severity.GENERAL, -25)), Map.of(), List.of(), V1.thresholds());
    CreditFile file = registered().addRecord(fine("evt-1", "20000", NOW), V1, NOW, ZONE).file();
    CreditFile.Change change = file.rerate(harsher, NOW, ZONE, "scorecard v2 activated");
    assertThat(change.file().rating().score()).isEqualTo(75);
    assertThat(change.file().rating().scorecardVersion()).isEqualTo("v2");
    assertThat(change.file().history()).last().extracting(RatingPeriod::cause).isEqualTo("scorecard v2 activated");
  }

  @Test
  void aStandardizationGradeEarnsItsBonusAsALine() {
    CreditFile file = CreditFile.open(USCC).updateProfile(
        new Profile("甲", "440300", "MINING", "LEVEL_1", "VALID"), 1, "evt-reg", V1, NOW, ZONE).file();
    assertThat(file.rating().lines()).singleElement().isEqualTo(new RatingLine(null, "STANDARDIZATION/LEVEL_1", 10));
    assertThat(file.rating().score()).isEqualTo(110);
  }

  @Test
  void aListedEnterpriseIsDWhateverItsScoreAndTheExplanationSaysSo() {
    Rating rating = V1.rate(List.of(), PROFILE, true, NOW, ZONE);
    assertThat(rating.score()).isEqualTo(100);
    assertThat(rating.grade()).isEqualTo(Grade.D);
    assertThat(rating.lines()).extracting(RatingLine::rule).containsExactly(Scorecard.LISTED_RULE);
  }

  @Test
  void aListingMakesTheFileDForItsPeriodOnlyOnceAndNoReratingLiftsIt() {
    Instant listedAt = NOW.plusSeconds(3600);
    Instant delistedAt = NOW.plusSeconds(7200);
    CreditFile.Change listed = registered().listed("BL-1", listedAt, "evt-entered", V1, listedAt, ZONE);
    assertThat(listed.file().rating().grade()).isEqualTo(Grade.D);
    assertThat(listed.ratingChanged()).isPresent();
    assertThat(listed.file().listed("BL-1", listedAt, "evt-entered", V1, listedAt, ZONE).isNoOp(listed.file()))
        .as("the same event twice").isTrue();
    assertThat(listed.file().rerate(V1, listedAt.plusSeconds(60), ZONE, "daily-rerating").isNoOp(listed.file()))
        .as("a re-rating keeps it D").isTrue();

    CreditFile delisted = listed.file().delisted("BL-1", delistedAt, "evt-removed", V1, delistedAt, ZONE).file();
    assertThat(delisted.rating().grade()).isEqualTo(Grade.A);
    assertThat(delisted.ratingAt(V1, listedAt.plusSeconds(1), ZONE).grade()).as("as of the listed period")
        .isEqualTo(Grade.D);
    assertThat(delisted.ratingAt(V1, listedAt.minusSeconds(1), ZONE).grade()).isEqualTo(Grade.A);
  }

  @Test
  void aRevokedDecisionStopsCountingFromItsRevocationButEarlierMomentsStillShowIt() {
    CreditFile file = registered().addRecord(fine("evt-decided", "20000", NOW), V1, NOW, ZONE).file();
    Instant revokedAt = NOW.plusSeconds(86400);
    Withdrawal why = new Withdrawal(revokedAt, "evt-revoked", "复议撤销");
    CreditFile.Change revoked = file.withdraw(r -> r.reference().equals("case-1"), why, List.of(), V1, revokedAt,
        ZONE);
    assertThat(revoked.file().rating().score()).isEqualTo(100);
    assertThat(revoked.ratingChanged()).isPresent();
    assertThat(revoked.file().ratingAt(V1, revokedAt.minusSeconds(1), ZONE).score()).isEqualTo(85);
    assertThat(revoked.file().history()).extracting(RatingPeriod::score).containsExactly(100, 85, 100);

    CreditFile.Change again = revoked.file().withdraw(r -> true, why, List.of(), V1, revokedAt, ZONE);
    assertThat(again.isNoOp(revoked.file())).isTrue();
  }

  @Test
  void aLicenceNewlySuspendedRevokedOrMissingGoesOnFileOnce() {
    CreditFile file = registered();
    Profile suspended = new Profile(PROFILE.name(), "440300", "HAZARDOUS_CHEMICALS", "NONE", "SUSPENDED");
    CreditFile once = file.updateProfile(suspended, 2, "evt-s", V1, NOW, ZONE).file();
    assertThat(once.records()).singleElement().satisfies(r -> {
      assertThat(r.kind()).isEqualTo(RecordKind.LICENCE_SUSPENDED);
      assertThat(r.id()).isEqualTo("evt-s");
    });
    CreditFile renamed = once.updateProfile(new Profile("改名", "440300", "HAZARDOUS_CHEMICALS", "NONE", "SUSPENDED"),
        3, "evt-r", V1, NOW, ZONE).file();
    assertThat(renamed.records()).hasSize(1);
    CreditFile revoked = renamed.updateProfile(new Profile("改名", "440300", "HAZARDOUS_CHEMICALS", "NONE", "REVOKED"),
        4, "evt-x", V1, NOW, ZONE).file();
    assertThat(revoked.records()).extracting(CreditRecord::kind)
        .containsExactly(RecordKind.LICENCE_SUSPENDED, RecordKind.LICENCE_REVOKED);
    assertThat(RecordKind.forLicenceStatus("VALID")).isEqualTo(Optional.empty());
    assertThat(RecordKind.forLicenceStatus("MISSING")).contains(RecordKind.LICENCE_MISSING);
  }

  @Test
  void factsAboutAnEnterpriseNotYetRegisteredAreKeptAndCountOnceItIs() {
    CreditFile unregistered = CreditFile.open(USCC).addRecord(fine("evt-1", "20000", NOW), V1, NOW, ZONE).file();
    assertThat(unregistered.rating()).isNull();
    assertThat(unregistered.records()).hasSize(1);
    CreditFile.Change registeredLater = unregistered.updateProfile(PROFILE, 1, "evt-reg", V1, NOW, ZONE);
    assertThat(registeredLater.file().rating().score()).isEqualTo(85);
  }

  @Test
  void severityIsTheWorstPenaltyAndAnAccidentIsSeriousFromMajorUp() {
    assertThat(PenaltySeverity.of(List.of(new PenaltyFact("WARNING", null, null)))).isEqualTo(Severity.MINOR);
    assertThat(PenaltySeverity.of(List.of(new PenaltyFact("FINE", new BigDecimal("99999.99"), null))))
        .isEqualTo(Severity.GENERAL);
    assertThat(PenaltySeverity.of(List.of(new PenaltyFact("WARNING", null, null),
        new PenaltyFact("FINE", new BigDecimal("100000"), null)))).isEqualTo(Severity.SERIOUS);
    assertThat(PenaltySeverity.of(List.of(new PenaltyFact("SUSPENSION", null, 30)))).isEqualTo(Severity.SERIOUS);
    assertThat(AccidentSeverity.of("ORDINARY")).isEqualTo(Severity.GENERAL);
    assertThat(List.of("MAJOR", "SERIOUS", "ESPECIALLY_SERIOUS")).allSatisfy(
        g -> assertThat(AccidentSeverity.of(g)).isEqualTo(Severity.SERIOUS));
  }
}
