package cn.worksafety.credit.blacklist.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.time.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ListingTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  /** 2026-10-01 to 10-07 off, Sunday 10-11 worked, as in a real year's notice. */
  static final WorkingDayCalendar CALENDAR = new WorkingDayCalendar(
      Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 5),
          LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)), Set.of(LocalDate.of(2026, 10, 11)));
  static final ListingRules RULES = new ListingRules(5, 20, 3, 12, 3, CALENDAR, ZONE);
  static final Instant PROPOSED = at(2026, 9, 25);

  @Test
  void theProcedureRunsNoticeObjectionDecisionPublicationOnWorkingDays() {
    Listing notified = proposed().notifyParty(at(2026, 9, 30), List.of(), "officer", at(2026, 9, 30), RULES);
    // served Wed 09-30; 10-01..07 are holidays (bar the weekend), 10-08, 09, 11 (worked Sunday), 12, 13
    assertThat(notified.notice().objectionLastDay()).isEqualTo(LocalDate.of(2026, 10, 13));
    assertThat(notified.allowedSteps()).containsExactlyInAnyOrder(ListingStep.OBJECTION, ListingStep.DECISION);

    Listing objected = notified.object(at(2026, 10, 13), "不服", "officer", at(2026, 10, 14), RULES);
    assertRefused(() -> objected.decide(true, "符合条件", null, "深圳市应急管理局", at(2026, 10, 14), "chief",
        at(2026, 10, 14), RULES), "validation-failed");
    assertRefused(() -> objected.decide(true, "符合条件", "经复核不成立", "深圳市应急管理局", at(2026, 10, 13), "chief",
        at(2026, 10, 14), RULES), "objection-window-open");

    Listing decided = objected.decide(true, "符合条件", "经复核不成立", "深圳市应急管理局", at(2026, 10, 14), "chief",
        at(2026, 10, 14), RULES);
    assertThat(decided.state()).isEqualTo(ListingState.DECIDED);
    assertThat(decided.decision().startDate()).isEqualTo(LocalDate.of(2026, 10, 14));
    assertThat(decided.decision().endDate()).isEqualTo(LocalDate.of(2029, 10, 13));
    assertThat(decided.decision().publicationDue()).isEqualTo(LocalDate.of(2026, 11, 11));

    Listing.Changed published = decided.publish("officer", at(2026, 10, 20), RULES);
    assertThat(published.listing().state()).isEqualTo(ListingState.LISTED);
    assertThat(published.event()).contains(new ListingEvent.Entered(at(2026, 10, 20)));
    assertThat(published.listing().listedAt(at(2026, 10, 19))).isFalse();
    assertThat(published.listing().listedAt(at(2026, 10, 21))).isTrue();
    assertThat(published.listing().publication().late()).isFalse();
    assertThat(published.listing().history()).extracting(StepRecord::step)
        .containsExactly("proposal", "notice", "objection", "decision", "publication");
  }

  @Test
  void aStepTheStateDoesNotAllowNamesTheAllowedOnes() {
    DomainException refused = assertRefused(() -> proposed().publish("officer", at(2026, 10, 1), RULES),
        "step-not-allowed");
    assertThat(refused.properties()).containsEntry("allowed", List.of("notice")).containsEntry("state", "PROPOSED");
  }

  @Test
  void anObjectionAfterTheWindowIsLate() {
    Listing notified = proposed().notifyParty(at(2026, 9, 30), List.of(), "officer", at(2026, 9, 30), RULES);
    DomainException late = assertRefused(() -> notified.object(at(2026, 10, 14), "迟到", "officer",
        at(2026, 10, 14), RULES), "objection-late");
    assertThat(late.properties()).containsEntry("objectionLastDay", "2026-10-13");
  }

  @Test
  void repairMayBeAppliedForFromTwelveMonthsAndNeedsThePenaltyCarriedOut() {
    Listing listed = listed();
    DomainException early = assertRefused(() -> listed.applyForRepair("已纠正", "承诺", "已培训", "officer",
        at(2027, 10, 13), RULES), "repair-too-early");
    assertThat(early.properties()).containsEntry("earliestDate", "2027-10-14");

    Listing applied = listed.applyForRepair("已纠正", "承诺", "已培训", "officer", at(2027, 10, 14), RULES);
    assertRefused(() -> applied.applyForRepair("再次", "承诺", "已培训", "officer", at(2027, 10, 15), RULES),
        "repair-pending");
    DomainException unmet = assertRefused(() -> applied.approveRepair("R1", false, "同意", "admin",
        at(2027, 10, 20)), "repair-conditions-unmet");
    assertThat(unmet.properties()).containsEntry("unmet", List.of("penaltyCarriedOut"));

    Listing.Changed repaired = applied.approveRepair("R1", true, "同意", "admin", at(2027, 10, 20));
    assertThat(repaired.listing().state()).isEqualTo(ListingState.REMOVED);
    assertThat(repaired.event()).contains(new ListingEvent.Removed(RemovalReason.REPAIRED, at(2027, 10, 20)));
    assertThat(repaired.listing().listedAt(at(2027, 10, 21))).isFalse();
    assertThat(repaired.listing().listedAt(at(2027, 10, 19))).as("history keeps the listed stretch").isTrue();

    Listing.Changed restored = repaired.listing().restore("修复材料造假", "admin", at(2028, 1, 5), RULES);
    assertThat(restored.listing().state()).isEqualTo(ListingState.LISTED);
    assertThat(restored.event()).contains(new ListingEvent.Restored("修复材料造假", LocalDate.of(2029, 10, 13),
        at(2028, 1, 5)));
    assertThat(restored.listing().decision().endDate()).as("the original end date").isEqualTo(
        LocalDate.of(2029, 10, 13));
    assertThat(restored.listing().repairs().get(0).state()).isEqualTo(RepairApplication.State.REVOKED);
    assertThat(restored.listing().listedAt(at(2027, 12, 1))).isFalse();
    assertThat(restored.listing().listedAt(at(2028, 1, 6))).isTrue();
  }

  @Test
  void onlyARepairedEntryCanBeRestoredAndOnlyWithinItsTerm() {
    assertRefused(() -> listed().restore("?", "admin", at(2027, 1, 1), RULES), "not-repaired");
    Listing repaired = listed().applyForRepair("已纠正", "承诺", "已培训", "officer", at(2027, 11, 1), RULES)
        .approveRepair("R1", true, "同意", "admin", at(2027, 11, 2)).listing();
    assertRefused(() -> repaired.restore("造假", "admin", at(2029, 10, 14), RULES), "term-ended");
  }

  @Test
  void anEntryExpiresByItselfAfterItsLastDay() {
    Listing listed = listed();
    assertThat(listed.expireIfDue(at(2029, 10, 13), RULES).event()).as("its last day").isEmpty();
    Listing.Changed expired = listed.expireIfDue(at(2029, 10, 20), RULES);
    Instant end = LocalDate.of(2029, 10, 14).atStartOfDay(ZONE).toInstant();
    assertThat(expired.event()).contains(new ListingEvent.Removed(RemovalReason.EXPIRED, end));
    assertThat(expired.listing().listedAt(end.minusSeconds(1))).isTrue();
    assertThat(expired.listing().listedAt(end)).isFalse();
    assertThat(expired.listing().expireIfDue(at(2029, 10, 21), RULES).event()).as("once").isEmpty();
  }

  @Test
  void aRevokedDecisionWithdrawsAProcedureAndRemovesAnEntry() {
    Listing.Changed withdrawn = proposed().revokeDecision(at(2026, 9, 26), "复议撤销", at(2026, 9, 26));
    assertThat(withdrawn.listing().state()).isEqualTo(ListingState.WITHDRAWN);
    assertThat(withdrawn.event()).isEmpty();
    Listing.Changed removed = listed().revokeDecision(at(2027, 2, 1), "法院撤销", at(2027, 2, 2));
    assertThat(removed.event()).contains(new ListingEvent.Removed(RemovalReason.REVOKED, at(2027, 2, 1)));
    assertThat(removed.listing().removal().reason()).isEqualTo(RemovalReason.REVOKED);
  }

  @Test
  void aRenameIsAnnouncedOnlyForAnEntryInForce() {
    Listing.Changed inForce = listed().renamed("深圳市新名称有限公司", at(2027, 1, 1));
    assertThat(inForce.listing().unitName()).isEqualTo("深圳市新名称有限公司");
    assertThat(inForce.event()).contains(new ListingEvent.Renamed("深圳市新名称有限公司", at(2027, 1, 1)));
    assertThat(inForce.listing().renamed("深圳市新名称有限公司", at(2027, 1, 2)).event()).as("same name").isEmpty();
    Listing.Changed proposedOnly = proposed().renamed("深圳市新名称有限公司", at(2026, 9, 26));
    assertThat(proposedOnly.listing().unitName()).isEqualTo("深圳市新名称有限公司");
    assertThat(proposedOnly.event()).isEmpty();
  }

  @Test
  void remindersAreGivenOnceEach() {
    Listing notified = proposed().notifyParty(at(2026, 9, 30), List.of(), "officer", at(2026, 9, 30), RULES);
    assertThat(notified.remind(at(2026, 10, 13), RULES)).isSameAs(notified);
    Listing reminded = notified.remind(at(2026, 10, 14), RULES);
    assertThat(reminded.reminders()).extracting(Reminder::kind).containsExactly(Reminder.Kind.DECISION_DUE);
    assertThat(reminded.remind(at(2026, 10, 15), RULES)).isSameAs(reminded);
  }

  static Listing proposed() {
    return Listing.propose("BL-1", "914403001922038216", "深圳市华安化工有限公司", "440300",
        List.of(new ListedPerson("张某", ListedPerson.PRINCIPAL, "110***********7777")),
        new Proposal(Trigger.UNLICENSED_OPERATION, "case-1", PROPOSED.minusSeconds(86400), "无证生产", "应急管理部令第11号", PROPOSED, "system", true));
  }

  /** Decided 2026-10-14 (term to 2029-10-13), published 2026-10-20. */
  static Listing listed() {
    return proposed().notifyParty(at(2026, 9, 30), List.of(), "officer", at(2026, 9, 30), RULES)
        .decide(true, "符合条件", null, "深圳市应急管理局", at(2026, 10, 14), "chief", at(2026, 10, 14), RULES)
        .publish("officer", at(2026, 10, 20), RULES).listing();
  }

  static Instant at(int year, int month, int day) {
    return ZonedDateTime.of(year, month, day, 10, 0, 0, 0, ZONE).toInstant();
  }

  static DomainException assertRefused(Runnable step, String code) {
    try {
      step.run();
    } catch (DomainException e) {
      assertThat(e.code()).isEqualTo(code);
      return e;
    }
    throw new AssertionError("expected refusal " + code);
  }
}
