package cn.worksafety.enforcement.inspection.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.FieldError;
import cn.worksafety.platform.problem.ProblemKind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectionTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** 2026-03-10 09:30 in Shanghai. */
  private static final Instant INSPECTED = ZonedDateTime.of(2026, 3, 10, 9, 30, 0, 0, SHANGHAI).toInstant();
  private static final Instant NOW = INSPECTED.plus(Duration.ofDays(40));
  private static final List<String> TEAM = List.of("officer-1", "officer-2");

  private static Inspection inspection(HazardFinding... found) {
    return Inspection.record("i-1", "914403001922038216", "440300", INSPECTED, TEAM, "检查储罐区", List.of(found),
        "officer-1", NOW, SHANGHAI);
  }

  private static HazardFinding finding(HazardLevel level, LocalDate deadline) {
    return new HazardFinding("液氨储罐区未设置泄漏报警装置", level, deadline);
  }

  @Test
  void anInspectionNeedsTwoDifferentOfficers() {
    assertInvalid(() -> Inspection.record("i", "u", "440300", INSPECTED, List.of("a", "a"), "f", List.of(), "a",
        NOW, SHANGHAI), "officers");
    assertInvalid(() -> Inspection.record("i", "u", "440300", INSPECTED, List.of("a", " a "), "f", List.of(), "a",
        NOW, SHANGHAI), "officers");
    assertInvalid(() -> Inspection.record("i", "u", "440300", INSPECTED, List.of("a"), "f", List.of(), "a", NOW,
        SHANGHAI), "officers");
    assertThat(Inspection.record("i", "u", "440300", INSPECTED, List.of("a", "b", "a"), "f", List.of(), "a", NOW,
        SHANGHAI).officers()).containsExactly("a", "b");
  }

  @Test
  void anInspectionCannotTakePlaceInTheFuture() {
    assertInvalid(() -> Inspection.record("i", "u", "440300", NOW.plus(Duration.ofMinutes(10)), TEAM, "f",
        List.of(), "a", NOW, SHANGHAI), "inspectedAt");
    // a client clock a minute ahead is not a future inspection
    assertThat(Inspection.record("i", "u", "440300", NOW.plus(Duration.ofMinutes(1)), TEAM, "f", List.of(), "a",
        NOW, SHANGHAI).version()).isEqualTo(1);
  }

  @Test
  void aDeadlineCannotBeBeforeTheInspectionDayInShanghai() {
    assertInvalid(() -> inspection(finding(HazardLevel.ORDINARY, LocalDate.of(2026, 4, 1)),
        finding(HazardLevel.MAJOR, LocalDate.of(2026, 3, 9))), "hazards[1].deadline");
    // the inspection day itself is allowed, counted in Shanghai even when UTC is still on the day before
    Instant earlyMorning = ZonedDateTime.of(2026, 3, 10, 7, 0, 0, 0, SHANGHAI).toInstant();
    Inspection sameDay = Inspection.record("i", "u", "440300", earlyMorning, TEAM, "f",
        List.of(finding(HazardLevel.ORDINARY, LocalDate.of(2026, 3, 10))), "a", NOW, SHANGHAI);
    assertThat(sameDay.hazards()).hasSize(1);
    assertInvalid(() -> sameDay.addHazard(finding(HazardLevel.MAJOR, LocalDate.of(2026, 3, 9)), "a", NOW, SHANGHAI),
        "deadline");
  }

  @Test
  void hazardsGetIdsInOrderAndEachChangeIsOneVersionOn() {
    Inspection recorded = inspection(finding(HazardLevel.ORDINARY, LocalDate.of(2026, 4, 1)));
    assertThat(recorded.version()).isEqualTo(1);
    Inspection more = recorded.addHazard(finding(HazardLevel.MAJOR, LocalDate.of(2026, 5, 1)), "officer-2", NOW,
        SHANGHAI);
    assertThat(more.hazards()).extracting(Hazard::id).containsExactly("H-1", "H-2");
    assertThat(more.hazard("H-2").major()).isTrue();
    assertThat(more.hazard("H-2").recordedBy()).isEqualTo("officer-2");
    assertThat(more.version()).isEqualTo(2);
    assertThatThrownBy(() -> more.hazard("H-9")).isInstanceOf(DomainException.class)
        .extracting(e -> ((DomainException) e).kind()).isEqualTo(ProblemKind.NOT_FOUND);
  }

  @Test
  void statusIsDerivedFromTheDeadlineAndVerifications() {
    LocalDate deadline = LocalDate.of(2026, 3, 20);
    Hazard hazard = inspection(finding(HazardLevel.ORDINARY, deadline)).hazard("H-1");
    assertThat(hazard.status(LocalDate.of(2026, 3, 11))).isEqualTo(HazardStatus.OPEN);
    assertThat(hazard.status(deadline)).as("the deadline day itself").isEqualTo(HazardStatus.OPEN);
    assertThat(hazard.status(deadline.plusDays(1))).isEqualTo(HazardStatus.OVERDUE);
    assertThat(hazard.rectifiedLate(SHANGHAI)).isNull();
  }

  @Test
  void aRectifiedHazardIsRectifiedForGoodAndSaysWhetherItWasLate() {
    LocalDate deadline = LocalDate.of(2026, 3, 20);
    Inspection recorded = inspection(finding(HazardLevel.ORDINARY, deadline), finding(HazardLevel.MAJOR, deadline));
    Instant onDeadlineEvening = ZonedDateTime.of(2026, 3, 20, 23, 0, 0, 0, SHANGHAI).toInstant();
    Instant dayAfter = ZonedDateTime.of(2026, 3, 21, 9, 0, 0, 0, SHANGHAI).toInstant();
    Inspection verified = recorded
        .verify("H-1", onDeadlineEvening, TEAM, VerificationOutcome.RECTIFIED, "已整改", "officer-1", NOW)
        .verify("H-2", dayAfter, TEAM, VerificationOutcome.RECTIFIED, "已整改", "officer-1", NOW);

    assertThat(verified.hazard("H-1").status(LocalDate.of(2026, 4, 30))).isEqualTo(HazardStatus.RECTIFIED);
    assertThat(verified.hazard("H-1").rectifiedLate(SHANGHAI)).isFalse();
    assertThat(verified.hazard("H-2").rectifiedLate(SHANGHAI)).isTrue();
    assertThat(verified.hazard("H-2").rectifiedAt()).isEqualTo(dayAfter);
    assertThat(verified.version()).isEqualTo(3);

    assertThatThrownBy(() -> verified.verify("H-1", dayAfter, TEAM, VerificationOutcome.NOT_RECTIFIED, "n", "a", NOW))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT);
          assertThat(e.properties()).containsEntry("state", "RECTIFIED");
        });
  }

  @Test
  void aHazardFoundNotRectifiedStaysOpenAndCanBeVerifiedAgain() {
    LocalDate deadline = LocalDate.of(2026, 3, 20);
    Instant first = ZonedDateTime.of(2026, 3, 18, 10, 0, 0, 0, SHANGHAI).toInstant();
    Inspection once = inspection(finding(HazardLevel.MAJOR, deadline))
        .verify("H-1", first, TEAM, VerificationOutcome.NOT_RECTIFIED, "报警装置未安装", "officer-1", NOW);
    assertThat(once.hazard("H-1").status(LocalDate.of(2026, 3, 19))).isEqualTo(HazardStatus.OPEN);
    assertThat(once.hazard("H-1").status(LocalDate.of(2026, 3, 21))).isEqualTo(HazardStatus.OVERDUE);

    assertInvalid(() -> once.verify("H-1", first.minus(Duration.ofDays(1)), TEAM, VerificationOutcome.RECTIFIED,
        "n", "a", NOW), "verifiedAt");
    Inspection twice = once.verify("H-1", first.plus(Duration.ofDays(5)), TEAM, VerificationOutcome.RECTIFIED,
        "已安装", "officer-1", NOW);
    assertThat(twice.hazard("H-1").verifications()).extracting(Verification::outcome)
        .containsExactly(VerificationOutcome.NOT_RECTIFIED, VerificationOutcome.RECTIFIED);
    assertThat(twice.hazard("H-1").rectifiedLate(SHANGHAI)).isTrue();
  }

  @Test
  void aVerificationNeedsTwoOfficersAndAPastTimeNotBeforeTheInspection() {
    Inspection recorded = inspection(finding(HazardLevel.ORDINARY, LocalDate.of(2026, 4, 1)));
    Instant later = INSPECTED.plus(Duration.ofDays(3));
    assertInvalid(() -> recorded.verify("H-1", later, List.of("x", "x"), VerificationOutcome.RECTIFIED, "n", "a",
        NOW), "officers");
    assertInvalid(() -> recorded.verify("H-1", INSPECTED.minus(Duration.ofHours(1)), TEAM,
        VerificationOutcome.RECTIFIED, "n", "a", NOW), "verifiedAt");
    assertInvalid(() -> recorded.verify("H-1", NOW.plus(Duration.ofDays(1)), TEAM, VerificationOutcome.RECTIFIED,
        "n", "a", NOW), "verifiedAt");
  }

  @Test
  void overdueHazardsAreAnnouncedOnceEach() {
    Inspection recorded = inspection(finding(HazardLevel.MAJOR, LocalDate.of(2026, 3, 20)),
        finding(HazardLevel.ORDINARY, LocalDate.of(2026, 3, 20)),
        finding(HazardLevel.ORDINARY, LocalDate.of(2026, 5, 1)))
        .verify("H-2", INSPECTED.plus(Duration.ofDays(2)), TEAM, VerificationOutcome.RECTIFIED, "n", "a", NOW);
    LocalDate today = LocalDate.of(2026, 3, 25);

    Inspection.Change first = recorded.announceOverdue(today, NOW);
    assertThat(first.events()).extracting(e -> e.hazard().id()).containsExactly("H-1");
    assertThat(first.inspection().hazard("H-1").overdueAnnouncedAt()).isEqualTo(NOW);
    assertThat(first.inspection().version()).isEqualTo(recorded.version() + 1);

    Inspection.Change again = first.inspection().announceOverdue(today.plusDays(60), NOW);
    assertThat(again.events()).extracting(e -> e.hazard().id()).containsExactly("H-3");
    assertThat(again.inspection().announceOverdue(today.plusDays(90), NOW).events()).isEmpty();
    assertThat(recorded.announceOverdue(LocalDate.of(2026, 3, 20), NOW).events()).as("not yet due").isEmpty();
  }

  private static void assertInvalid(Runnable action, String field) {
    assertThatThrownBy(action::run).isInstanceOfSatisfying(DomainException.class, e -> {
      assertThat(e.kind()).isEqualTo(ProblemKind.INVALID);
      assertThat(e.properties().get("errors")).asInstanceOf(
          org.assertj.core.api.InstanceOfAssertFactories.list(FieldError.class))
          .extracting(FieldError::field).containsExactly(field);
    });
  }
}
