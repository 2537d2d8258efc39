package cn.worksafety.enforcement.penaltycase.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import cn.worksafety.platform.time.WorkingDayCalendar;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PenaltyCaseTest {
  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  static final ViolationCatalogue CATALOGUE = new ViolationCatalogue(List.of(
      new Violation("V1", "违反安全生产法", "安全生产法第九十九条", Violation.Severity.GENERAL, BigDecimal.ZERO,
          new BigDecimal("1000000"), Set.of(PenaltyKind.FINE, PenaltyKind.SUSPENSION)),
      new Violation("AQSC-1", "未对安全设备进行经常性维护", "安全生产法第九十九条第三项", Violation.Severity.GENERAL,
          BigDecimal.ZERO, new BigDecimal("200000"), Set.of(PenaltyKind.FINE)),
      new Violation("ACCIDENT", "对一般事故负有责任", "安全生产法第一百一十四条", Violation.Severity.SERIOUS,
          new BigDecimal("200000"), new BigDecimal("1000000"), Set.of(PenaltyKind.FINE))));
  static final CaseRules RULES = new CaseRules(5, 90, new WorkingDayCalendar(Set.of(), Set.of()), SHANGHAI,
      new BigDecimal("100000"), 10, CATALOGUE, 7, 3);
  /** A Monday, 10:00 in Shanghai. */
  static final Instant MONDAY = LocalDate.of(2026, 11, 2).atTime(10, 0).atZone(SHANGHAI).toInstant();
  static final Penalty FINE_20K = new Penalty(PenaltyKind.FINE, new BigDecimal("20000.00"), null);

  static PenaltyCase filed() {
    return PenaltyCase.file("c1", "914403001922038216", "440300", "未按规定培训", List.of("o1", "o2"), "o1", MONDAY, RULES);
  }

  static PenaltyCase notified(boolean waived) {
    return filed().investigate("o1", MONDAY).notifyParty(List.of(FINE_20K), waived, "o1", MONDAY, RULES);
  }

  @Test
  void needsTwoDifferentOfficers() {
    assertThatThrownBy(() -> PenaltyCase.file("c1", "914403001922038216", "440300", "t", List.of("o1", "o1"), "o1",
        MONDAY, RULES))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.kind()).isEqualTo(ProblemKind.INVALID);
          assertThat(e.getMessage()).startsWith("officers:");
        });
  }

  @Test
  void decisionIsDueNinetyDaysAfterFiling() {
    assertThat(filed().decisionDue()).isEqualTo(LocalDate.of(2027, 1, 31));
    assertThat(filed().state()).isEqualTo(CaseState.FILED);
    assertThat(filed().version()).isEqualTo(1);
  }

  @Test
  void theDecisionDeadlineWarnsBeforeAndFlagsAfter() {
    PenaltyCase filed = filed();
    LocalDate due = filed.decisionDue();
    assertThat(filed.deadlineStatus(due.minusDays(10), RULES)).isEqualTo(DeadlineStatus.ON_TRACK);
    assertThat(filed.deadlineStatus(due.minusDays(9), RULES)).isEqualTo(DeadlineStatus.DUE_SOON);
    assertThat(filed.deadlineStatus(due, RULES)).isEqualTo(DeadlineStatus.DUE_SOON);
    assertThat(filed.deadlineStatus(due.plusDays(1), RULES)).isEqualTo(DeadlineStatus.OVERDUE);
    PenaltyCase decided = notified(true).decide(List.of("V1"), List.of(FINE_20K), "b", "o1", MONDAY, RULES);
    assertThat(decided.deadlineStatus(due.plusDays(30), RULES)).isEqualTo(DeadlineStatus.MET);
    Instant afterDue = due.plusDays(1).atStartOfDay(SHANGHAI).toInstant();
    assertThat(notified(true).decide(List.of("V1"), List.of(FINE_20K), "b", "o1", afterDue, RULES)
        .deadlineStatus(due.plusDays(2), RULES)).isEqualTo(DeadlineStatus.MET_LATE);
  }

  @Test
  void aStepOutOfOrderNamesTheAllowedOnes() {
    assertThatThrownBy(() -> filed().decide(List.of("V1"), List.of(FINE_20K), "basis", "o1", MONDAY, RULES))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT);
          assertThat(e.properties()).containsEntry("allowed", List.of("investigation"));
        });
  }

  @Test
  void noDecisionWhileTheDefenceWindowIsOpen() {
    PenaltyCase notified = notified(false);
    assertThat(notified.notice().defenceWindowLastDay()).isEqualTo(LocalDate.of(2026, 11, 9));
    Instant lastDay = LocalDate.of(2026, 11, 9).atTime(23, 0).atZone(SHANGHAI).toInstant();
    assertThatThrownBy(() -> notified.decide(List.of("V1"), List.of(FINE_20K), "basis", "o1", lastDay, RULES))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.kind()).isEqualTo(ProblemKind.RULE_VIOLATION);
          assertThat(e.properties()).containsEntry("defenceWindowLastDay", "2026-11-09");
        });
    Instant dayAfter = LocalDate.of(2026, 11, 10).atTime(9, 0).atZone(SHANGHAI).toInstant();
    assertThat(notified.decide(List.of("V1"), List.of(FINE_20K), "basis", "o1", dayAfter, RULES).state())
        .isEqualTo(CaseState.DECIDED);
  }

  @Test
  void aWaivedDefenceAllowsAnImmediateDecisionWhichTakesEffectOnApproval() {
    PenaltyCase decided = notified(true).decide(List.of("AQSC-1"), List.of(FINE_20K), "安全生产法第九十九条",
        "o1", MONDAY, RULES);
    assertThat(decided.state()).isEqualTo(CaseState.DECIDED);
    assertThat(decided.allowedSteps()).containsExactly(CaseStep.APPROVAL);
    PenaltyCase.Changed approved = decided.approve("s1", null, MONDAY, RULES);
    CaseDecidedEvent announced = (CaseDecidedEvent) approved.event();
    assertThat(approved.penaltyCase().state()).isEqualTo(CaseState.APPROVED);
    assertThat(approved.penaltyCase().version()).isEqualTo(5);
    assertThat(announced.caseId()).isEqualTo("c1");
    assertThat(announced.penalties()).containsExactly(FINE_20K);
    assertThat(approved.penaltyCase().decision().approval().supervisor()).isEqualTo("s1");
    assertThat(approved.penaltyCase().history()).extracting(StepRecord::step)
        .containsExactly("filing", "investigation", "notice", "decision", "approval");
  }

  static PenaltyCase approved() {
    return notified(true).decide(List.of("V1"), List.of(FINE_20K), "b", "o1", MONDAY, RULES)
        .approve("s1", null, MONDAY, RULES).penaltyCase();
  }

  static Instant days(int n) {
    return MONDAY.plusSeconds(n * 86_400L);
  }

  @Test
  void serviceIsDueWithinSevenDaysOfApprovalAndALateOneIsFlagged() {
    PenaltyCase onTime = approved().serve(days(7), "直接送达", "o1", days(8), RULES);
    assertThat(onTime.service().dueBy()).isEqualTo(LocalDate.of(2026, 11, 9));
    assertThat(onTime.service().late(SHANGHAI)).isFalse();
    assertThat(approved().serve(days(8), "邮寄送达", "o1", days(9), RULES).service().late(SHANGHAI)).isTrue();
    assertThatThrownBy(() -> approved().serve(days(2), "x", "o1", days(1), RULES)) // a day ahead of now
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).startsWith("servedAt:"));
    assertThatThrownBy(() -> approved().serve(MONDAY.minusSeconds(60), "x", "o1", days(1), RULES))
        .isInstanceOf(DomainException.class);
  }

  @Test
  void aFineIsExecutedOnlyWhenPaidInFullWithItsLateSurcharge() {
    PenaltyCase served = approved().serve(MONDAY, "直接送达", "o1", MONDAY, RULES);
    // due 15 days after service; paid 2 days late: 20,000 + 2 × 3 % = 21,200
    Instant paid = days(17);
    assertThatThrownBy(() -> served.execute(paid, new BigDecimal("20000.00"), "o1", paid, RULES))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.kind()).isEqualTo(ProblemKind.RULE_VIOLATION);
          assertThat(e.properties()).containsEntry("amountDue", "21200.00").containsEntry("surcharge", "1200.00");
        });
    PenaltyCase executed = served.execute(paid, new BigDecimal("21200.00"), "o1", paid, RULES);
    assertThat(executed.state()).isEqualTo(CaseState.EXECUTED);
    assertThat(executed.execution().surcharge()).isEqualByComparingTo("1200.00");
    assertThat(served.execute(days(15), new BigDecimal("20000"), "o1", days(15), RULES).execution().surcharge())
        .isEqualByComparingTo("0");
  }

  @Test
  void closingAndRevokingAreAnnounced() {
    PenaltyCase executed = approved().serve(MONDAY, "直接送达", "o1", MONDAY, RULES)
        .execute(days(3), new BigDecimal("20000"), "o1", days(3), RULES);
    PenaltyCase.Changed closed = executed.close("执行完毕", "o1", days(4));
    assertThat(closed.penaltyCase().state()).isEqualTo(CaseState.CLOSED);
    assertThat(closed.event()).isEqualTo(new CaseClosedEvent("c1", "914403001922038216", days(4), "执行完毕"));
    PenaltyCase.Changed revoked = closed.penaltyCase().revoke("行政复议决定撤销", "s1", days(30));
    assertThat(revoked.event()).isInstanceOf(CaseRevokedEvent.class);
    assertThat(revoked.penaltyCase().allowedSteps()).isEmpty();
    assertThatThrownBy(() -> filed().revoke("x", "s1", MONDAY)).isInstanceOf(DomainException.class);
  }

  @Test
  void aSeriousPenaltyNeedsCollectiveReviewBeforeApproval() {
    Penalty bigFine = new Penalty(PenaltyKind.FINE, new BigDecimal("100000"), null);
    Penalty suspension = new Penalty(PenaltyKind.SUSPENSION, null, 30);
    for (Penalty serious : List.of(bigFine, suspension)) {
      PenaltyCase decided = filed().investigate("o1", MONDAY)
          .notifyParty(List.of(serious), true, "o1", MONDAY, RULES)
          .decide(List.of("V1"), List.of(serious), "b", "o1", MONDAY, RULES);
      assertThatThrownBy(() -> decided.approve("s1", " ", MONDAY, RULES))
          .isInstanceOfSatisfying(DomainException.class,
              e -> assertThat(e.code()).isEqualTo("collective-review-required"));
      assertThat(decided.approve("s1", "2026-JT-017", MONDAY, RULES).penaltyCase().decision().approval()
          .collectiveReviewRef()).isEqualTo("2026-JT-017");
    }
    Penalty justBelow = new Penalty(PenaltyKind.FINE, new BigDecimal("99999.99"), null);
    PenaltyCase smaller = filed().investigate("o1", MONDAY).notifyParty(List.of(justBelow), true, "o1", MONDAY, RULES)
        .decide(List.of("V1"), List.of(justBelow), "b", "o1", MONDAY, RULES);
    assertThat(smaller.approve("s1", null, MONDAY, RULES).penaltyCase().state()).isEqualTo(CaseState.APPROVED);
  }

  @Test
  void aDecisionMayNotBeHeavierThanTheNotice() {
    Penalty heavier = new Penalty(PenaltyKind.FINE, new BigDecimal("20000.01"), null);
    Penalty otherKind = new Penalty(PenaltyKind.SUSPENSION, null, 30);
    for (Penalty p : List.of(heavier, otherKind)) {
      assertThatThrownBy(() -> notified(true).decide(List.of("V1"), List.of(p), "b", "o1", MONDAY, RULES))
          .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("heavier-than-notice"));
    }
    Penalty lighter = new Penalty(PenaltyKind.FINE, new BigDecimal("5000"), null);
    assertThat(notified(true).decide(List.of("V1"), List.of(lighter), "b", "o1", MONDAY, RULES).decision().penalties())
        .containsExactly(lighter);
  }

  @Test
  void penaltiesCarryWhatTheirKindNeeds() {
    assertThatThrownBy(() -> new Penalty(PenaltyKind.FINE, null, null)).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> new Penalty(PenaltyKind.FINE, new BigDecimal("-1"), null)).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> new Penalty(PenaltyKind.FINE, new BigDecimal("1.001"), null)).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> new Penalty(PenaltyKind.FINE, new BigDecimal("100000000.01"), null)).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> new Penalty(PenaltyKind.WARNING, BigDecimal.ONE, null)).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> new Penalty(PenaltyKind.SUSPENSION, null, 0)).isInstanceOf(DomainException.class);
    assertThat(new Penalty(PenaltyKind.SUSPENSION, null, 30).periodDays()).isEqualTo(30);
  }

  @Test
  void aDecisionInForceIsDueForPublicationInSevenWorkingDaysAndARevokedOneForWithdrawalInThree() {
    PenaltyCase approved = approved();
    assertThat(filed().publicationDue(RULES)).isNull();
    // approved on Monday 2 Nov 2026: 7 working days → Wednesday 11 Nov
    assertThat(approved.publicationDue(RULES)).isEqualTo(LocalDate.of(2026, 11, 11));
    assertThat(approved.withdrawalDue(RULES)).isNull();
    PenaltyCase revoked = approved.revoke("行政复议决定撤销", "s1", days(4)).penaltyCase();
    // revoked on Friday 6 Nov: 3 working days → Wednesday 11 Nov
    assertThat(revoked.withdrawalDue(RULES)).isEqualTo(LocalDate.of(2026, 11, 11));
  }

  @Test
  void aDecisionCitesKnownViolationsAndStaysInsideTheirPenaltiesAndFineRange() {
    Penalty big = new Penalty(PenaltyKind.FINE, new BigDecimal("300000"), null);
    PenaltyCase notified = filed().investigate("o1", MONDAY).notifyParty(List.of(big,
        new Penalty(PenaltyKind.SUSPENSION, null, 30)), true, "o1", MONDAY, RULES);
    assertThatThrownBy(() -> notified.decide(List.of("NOPE"), List.of(big), "b", "o1", MONDAY, RULES))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).contains("NOPE"));
    assertThatThrownBy(() -> notified.decide(List.of("AQSC-1"), List.of(big), "b", "o1", MONDAY, RULES))
        .isInstanceOfSatisfying(DomainException.class, e -> {
          assertThat(e.code()).isEqualTo("fine-outside-range");
          assertThat(e.properties()).containsEntry("fineMax", "200000");
        });
    Penalty small = new Penalty(PenaltyKind.FINE, new BigDecimal("100000"), null);
    assertThatThrownBy(() -> notified.decide(List.of("ACCIDENT"), List.of(small), "b", "o1", MONDAY, RULES))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("fine-outside-range"));
    assertThatThrownBy(() -> notified.decide(List.of("AQSC-1"), List.of(new Penalty(PenaltyKind.SUSPENSION, null, 30)),
        "b", "o1", MONDAY, RULES))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("penalty-outside-catalogue"));
    // two violations are fined separately and the ranges add up: 0–200000 + 200000–1000000
    PenaltyCase decided = notified.decide(List.of("AQSC-1", "ACCIDENT"), List.of(big), null, "o1", MONDAY, RULES);
    assertThat(decided.decision().legalBasis()).isEqualTo("安全生产法第九十九条第三项；安全生产法第一百一十四条");
  }

  @Test
  void aHearingIsAskedForInTimeOnlyForSeriousPenaltiesAndHeldBeforeTheDecision() {
    Penalty serious = new Penalty(PenaltyKind.FINE, new BigDecimal("150000"), null);
    PenaltyCase notified = filed().investigate("o1", MONDAY).notifyParty(List.of(serious), false, "o1", MONDAY, RULES);
    Instant lastDay = days(7); // Monday + 5 working days = next Monday
    Instant late = days(8);
    assertThatThrownBy(() -> notified.recordDefence(null, true, null, null, "o1", late, RULES))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("hearing-request-late"));
    assertThatThrownBy(() -> notified.recordDefence(null, false, days(1), "笔录", "o1", days(2), RULES))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("no-hearing-requested"));
    PenaltyCase requested = notified.recordDefence("请求听证", true, null, null, "o1", lastDay, RULES);
    assertThat(requested.notice().hearing().pending()).isTrue();
    assertThatThrownBy(() -> requested.decide(List.of("V1"), List.of(serious), "b", "o1", days(10), RULES))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("hearing-pending"));
    PenaltyCase heard = requested.recordDefence(null, false, days(9), "听证笔录第17号", "o1", days(9), RULES);
    assertThat(heard.notice().hearing().record()).isEqualTo("听证笔录第17号");
    assertThat(heard.defenceStatement()).isEqualTo("请求听证");
    assertThat(heard.decide(List.of("V1"), List.of(serious), "b", "o1", days(10), RULES).state())
        .isEqualTo(CaseState.DECIDED);

    assertThatThrownBy(() -> notified(false).recordDefence(null, true, null, null, "o1", MONDAY, RULES))
        .as("a 20,000 CNY fine gives no right to a hearing")
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("no-hearing-right"));
    PenaltyCase waived = filed().investigate("o1", MONDAY).notifyParty(List.of(serious), true, "o1", MONDAY, RULES);
    assertThatThrownBy(() -> waived.recordDefence(null, true, null, null, "o1", MONDAY, RULES))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo("defence-waived"));
  }
}
