package cn.worksafety.credit.sanction.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import cn.worksafety.platform.time.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SanctionTaskTest {
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  // Thursday 2026-10-01 to Wednesday 2026-10-07 off (国庆节); Saturday 2026-10-10 worked in exchange
  private static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(
      Set.of(LocalDate.parse("2026-10-01"), LocalDate.parse("2026-10-02"), LocalDate.parse("2026-10-05"),
          LocalDate.parse("2026-10-06"), LocalDate.parse("2026-10-07")),
      Set.of(LocalDate.parse("2026-10-10")));
  private static final Instant ISSUED = Instant.parse("2026-09-29T02:00:00Z"); // Tuesday 29 September, Beijing
  private static final LocalDate TODAY = LocalDate.parse("2026-10-20");
  private static final String PROCUREMENT = "M-GOVERNMENT-PROCUREMENT";
  private static final String SUBSIDY = "M-FISCAL-SUBSIDY";

  private final SanctionTask issued = SanctionTask.issue("L1", "91440300MA5FXXXX0X", "深圳市测试化工有限公司", "mof",
      "财政部", List.of(PROCUREMENT, SUBSIDY), ISSUED);

  @Test
  void feedbackIsDueTenWorkingDaysAfterTheRoundStartsCountedOnTheHolidayCalendar() {
    // 30 Sep, 8, 9, 10 (worked Saturday), 12, 13, 14, 15, 16, 19 October
    assertThat(issued.dueDate(CALENDAR, ZONE, 10)).isEqualTo(LocalDate.parse("2026-10-19"));
    assertThat(issued.overdue(LocalDate.parse("2026-10-19"), CALENDAR, ZONE, 10)).isFalse();
    assertThat(issued.overdue(LocalDate.parse("2026-10-20"), CALENDAR, ZONE, 10)).isTrue();
    assertThat(issued.overdue(LocalDate.parse("2026-10-20"), CALENDAR, ZONE, 11)).as("configurable").isFalse();

    SanctionTask answered = issued.acknowledge("mof-clerk", ISSUED)
        .report(List.of(applied(PROCUREMENT), notApplicable(SUBSIDY)), "mof-clerk", ISSUED, TODAY);
    assertThat(answered.overdue(LocalDate.parse("2026-12-31"), CALENDAR, ZONE, 10)).as("nothing outstanding").isFalse();
  }

  @Test
  void aTaskIsAcknowledgedOnceThenEachMeasureIsReportedAndTheStatusFollows() {
    assertThat(issued.status()).isEqualTo(TaskStatus.OPEN);
    assertThatThrownBy(() -> issued.report(List.of(applied(PROCUREMENT)), "mof-clerk", ISSUED, TODAY))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT);
          assertThat(e.properties()).containsEntry("allowed", List.of("acknowledgement"));
        });
    SanctionTask acknowledged = issued.acknowledge("mof-clerk", ISSUED);
    assertThat(acknowledged.status()).isEqualTo(TaskStatus.ACKNOWLEDGED);
    assertThat(acknowledged.acknowledge("someone-else", ISSUED.plusSeconds(60))).isSameAs(acknowledged);

    SanctionTask half = acknowledged.report(List.of(applied(PROCUREMENT)), "mof-clerk", ISSUED, TODAY);
    assertThat(half.outstanding()).containsExactly(SUBSIDY);
    assertThat(half.status()).isEqualTo(TaskStatus.ACKNOWLEDGED);
    SanctionTask done = half.report(List.of(notApplicable(SUBSIDY)), "mof-clerk", ISSUED, TODAY);
    assertThat(done.status()).isEqualTo(TaskStatus.APPLIED);
    assertThat(done.version()).isEqualTo(issued.version() + 3);
  }

  @Test
  void afterRemovalAppliedMeasuresMustBeLiftedAndARestorationAsksForThemAgain() {
    SanctionTask applied = issued.acknowledge("c", ISSUED)
        .report(List.of(applied(PROCUREMENT), notApplicable(SUBSIDY)), "c", ISSUED, TODAY);
    Instant removal = Instant.parse("2026-11-02T02:00:00Z");
    SanctionTask removed = applied.entryRemoved(removal);
    assertThat(removed.status()).isEqualTo(TaskStatus.LIFT_PENDING);
    assertThat(removed.outstanding()).as("a measure not applicable has nothing to lift").containsExactly(PROCUREMENT);
    assertThat(removed.dueDate(CALENDAR, ZONE, 10)).as("the round starts at the removal")
        .isEqualTo(LocalDate.parse("2026-11-16"));
    assertThat(removed.entryRemoved(removal.plusSeconds(5))).as("a redelivered removal").isSameAs(removed);
    assertOutcomeRefused(removed, applied(PROCUREMENT), List.of("LIFTED", "NOT_APPLICABLE"));
    assertOutcomeRefused(applied, lifted(PROCUREMENT), List.of("APPLIED", "NOT_APPLICABLE"));

    SanctionTask lifted = removed.report(List.of(lifted(PROCUREMENT)), "c", removal, TODAY.plusMonths(1));
    assertThat(lifted.status()).isEqualTo(TaskStatus.LIFTED);

    Instant restoration = removal.plusSeconds(86_400 * 30);
    SanctionTask restored = lifted.entryRestored(restoration);
    assertThat(restored.status()).isEqualTo(TaskStatus.ACKNOWLEDGED);
    assertThat(restored.outstanding()).containsExactly(PROCUREMENT);
    assertThat(restored.roundStartedAt()).isEqualTo(restoration);
    assertThat(restored.entryRemoved(removal)).as("the old removal, redelivered after the restoration")
        .isSameAs(restored);
  }

  @Test
  void aRestorationHandledBeforeItsRemovalIsNotUndoneByTheRemovalComingLate() {
    Instant removal = Instant.parse("2026-11-02T02:00:00Z");
    Instant restoration = Instant.parse("2026-12-02T02:00:00Z");
    SanctionTask restoredFirst = issued.entryRestored(restoration);
    assertThat(restoredFirst.entryRemoved(removal)).isSameAs(restoredFirst);
    assertThat(restoredFirst.entryInForce()).isTrue();
    assertThat(issued.entryRemoved(removal).entryRestored(restoration).entryRestored(restoration.minusSeconds(1)))
        .as("a restoration redelivered").isEqualTo(issued.entryRemoved(removal).entryRestored(restoration));
  }

  @Test
  void reportsNamingOtherMeasuresOrMissingWhatTheOutcomeNeedsAreRefused() {
    SanctionTask acknowledged = issued.acknowledge("c", ISSUED);
    assertInvalid(acknowledged, List.of(applied("M-LAND-AND-MINING-RIGHTS")), "measures[0].measure");
    assertInvalid(acknowledged, List.of(applied(PROCUREMENT), applied(PROCUREMENT)), "measures[1].measure");
    assertInvalid(acknowledged, List.of(new MeasureReport(PROCUREMENT, Outcome.APPLIED, " ", TODAY, null)),
        "measures[0].reference");
    assertInvalid(acknowledged, List.of(new MeasureReport(PROCUREMENT, Outcome.APPLIED, "财采〔2026〕1号", null, null)),
        "measures[0].date");
    assertInvalid(acknowledged, List.of(new MeasureReport(PROCUREMENT, Outcome.APPLIED, "财采〔2026〕1号",
        TODAY.plusDays(1), null)), "measures[0].date");
    assertInvalid(acknowledged, List.of(new MeasureReport(SUBSIDY, Outcome.NOT_APPLICABLE, null, null, null)),
        "measures[0].reason");
  }

  private static void assertInvalid(SanctionTask task, List<MeasureReport> reports, String field) {
    assertThatThrownBy(() -> task.report(reports, "c", ISSUED, TODAY)).isInstanceOfSatisfying(DomainException.class,
        e -> {
          assertThat(e.kind()).isEqualTo(ProblemKind.INVALID);
          assertThat(e.properties().toString()).contains(field);
        });
  }

  private static void assertOutcomeRefused(SanctionTask task, MeasureReport report, List<String> allowed) {
    assertThatThrownBy(() -> task.report(List.of(report), "c", ISSUED, TODAY.plusMonths(1)))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT);
          assertThat(e.properties()).containsEntry("allowed", allowed);
        });
  }

  private static MeasureReport applied(String measure) {
    return new MeasureReport(measure, Outcome.APPLIED, "财采〔2026〕118号", LocalDate.parse("2026-10-09"), null);
  }

  private static MeasureReport notApplicable(String measure) {
    return new MeasureReport(measure, Outcome.NOT_APPLICABLE, null, null, "该单位未申请财政补贴");
  }

  private static MeasureReport lifted(String measure) {
    return new MeasureReport(measure, Outcome.LIFTED, null, LocalDate.parse("2026-11-03"), null);
  }
}
