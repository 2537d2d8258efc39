package cn.worksafety.credit.creditfile.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CreditFileTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final Instant NOW = LocalDate.of(2026, 11, 23).atStartOfDay(ZONE).toInstant();
  static final Scorecard V1 = Scorecard.first();
  static final Profile PROFILE = new Profile("深圳市华安化工有限公司", "440300", "HAZARDOUS_CHEMICALS", "LEVEL_2");

  static CreditRecord fine(String eventId, String amount, Instant at) {
    Severity s = PenaltySeverity.of(List.of(new PenaltyFact("FINE", new BigDecimal(amount), null)));
    return CreditRecord.of(eventId, RecordKind.ADMINISTRATIVE_PENALTY, s, "case-1", "basis", at, ZONE);
  }

  @Test
  void theFirstProfileGivesTheFirstRating() {
    CreditFile.Change change = CreditFile.open("914403001922038216").updateProfile(PROFILE, 7, V1, NOW, ZONE);
    assertThat(change.file().rating().grade()).isEqualTo(Grade.A);
    assertThat(change.file().rating().score()).isEqualTo(100);
    assertThat(change.ratingChanged()).hasValueSatisfying(e -> assertThat(e.before()).isNull());
    assertThat(change.file().version()).isEqualTo(1);
  }

  @Test
  void anOlderProfileDoesNotOverwriteANewerOne() {
    CreditFile file = CreditFile.open("914403001922038216").updateProfile(PROFILE, 7, V1, NOW, ZONE).file();
    Profile older = new Profile("旧名称", "440300", "TRADE", "NONE");
    CreditFile.Change change = file.updateProfile(older, 5, V1, NOW, ZONE);
    assertThat(change.isNoOp(file)).isTrue();
    assertThat(change.file().profile()).isEqualTo(PROFILE);
  }

  @Test
  void theSameEventAddsOneRecordAndOneRatingChange() {
    CreditFile file = CreditFile.open("914403001922038216").updateProfile(PROFILE, 1, V1, NOW, ZONE).file();
    CreditFile.Change first = file.addRecord(fine("evt-1", "20000", NOW), V1, NOW, ZONE);
    assertThat(first.file().records()).hasSize(1);
    assertThat(first.ratingChanged()).isPresent();
    assertThat(first.file().rating().score()).isEqualTo(85);
    assertThat(first.file().rating().grade()).isEqualTo(Grade.B);

    CreditFile.Change again = first.file().addRecord(fine("evt-1", "20000", NOW), V1, NOW, ZONE);
    assertThat(again.isNoOp(first.file())).isTrue();
    assertThat(again.ratingChanged()).isEmpty();
  }

  @Test
  void theScoreIsTheBasePlusItsLines() {
    CreditFile file = CreditFile.open("914403001922038216");
    for (int i = 0; i < 5; i++) {
      file = file.addRecord(fine("evt-" + i, "200000", NOW), V1, NOW, ZONE).file();
    }
    Rating rating = file.rating();
    assertThat(rating.base() + rating.lines().stream().mapToInt(RatingLine::points).sum()).isEqualTo(rating.score());
    assertThat(rating.score()).isZero();
    assertThat(rating.grade()).isEqualTo(Grade.D);
    assertThat(rating.lines()).extracting(RatingLine::rule).contains("ADMINISTRATIVE_PENALTY/SERIOUS", "FLOOR");
  }

  @Test
  void aRecordPastItsPublicationPeriodNoLongerCounts() {
    Instant longAgo = NOW.minusSeconds(400L * 24 * 3600);
    CreditRecord general = fine("evt-old", "20000", longAgo);
    assertThat(general.severity()).isEqualTo(Severity.GENERAL);
    assertThat(general.activeOn(LocalDate.of(2026, 11, 23), ZONE)).isFalse();
    CreditFile file = CreditFile.open("914403001922038216").addRecord(general, V1, NOW, ZONE).file();
    assertThat(file.rating().score()).isEqualTo(100);
    assertThat(file.rating().lines()).isEmpty();
  }

  @Test
  void theRatingShownCountsOnlyWhatIsStillPublishedWhenItIsAskedFor() {
    CreditFile file = CreditFile.open("914403001922038216").addRecord(fine("evt-1", "20000", NOW), V1, NOW, ZONE).file();
    assertThat(file.rating().score()).isEqualTo(85);
    Instant afterPublication = NOW.plusSeconds(367L * 24 * 3600);
    Rating later = file.ratingAt(V1, afterPublication, ZONE);
    assertThat(later.score()).isEqualTo(100);
    assertThat(later.grade()).isEqualTo(Grade.A);
    assertThat(later.lines()).isEmpty();
  }

  @Test
  void severityIsTheWorstPenalty() {
    assertThat(PenaltySeverity.of(List.of(new PenaltyFact("WARNING", null, null)))).isEqualTo(Severity.MINOR);
    assertThat(PenaltySeverity.of(List.of(new PenaltyFact("FINE", new BigDecimal("99999.99"), null))))
        .isEqualTo(Severity.GENERAL);
    assertThat(PenaltySeverity.of(List.of(new PenaltyFact("WARNING", null, null),
        new PenaltyFact("FINE", new BigDecimal("100000"), null)))).isEqualTo(Severity.SERIOUS);
    assertThat(PenaltySeverity.of(List.of(new PenaltyFact("SUSPENSION", null, 30)))).isEqualTo(Severity.SERIOUS);
  }
}
