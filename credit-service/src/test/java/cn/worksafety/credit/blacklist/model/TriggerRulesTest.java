package cn.worksafety.credit.blacklist.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.credit.creditfile.model.AccidentSeverity;
import cn.worksafety.credit.creditfile.model.CreditRecord;
import cn.worksafety.credit.creditfile.model.RecordKind;
import cn.worksafety.credit.creditfile.model.Severity;
import cn.worksafety.credit.creditfile.model.Withdrawal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TriggerRulesTest {
  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  static final TriggerRules RULES = new TriggerRules("应急管理部令第11号",
      Set.of("AQSC-114-1", "AQSC-114-2", "AQSC-114-3", "AQSC-114-4", "AQSC-114-5"),
      Map.of(Trigger.MAJOR_ACCIDENT, Set.of("AQSC-114-3", "AQSC-114-4"),
          Trigger.ESPECIALLY_SERIOUS_VIOLATION, Set.of("AQSC-114-5"),
          Trigger.ACCIDENT_CONCEALED, Set.of("SGBG-36"),
          Trigger.PRINCIPAL_FLED, Set.of("AQSC-110"),
          Trigger.UNLICENSED_OPERATION, Set.of("AQXK-19"),
          Trigger.QUALIFICATION_FRAUD, Set.of("AQSC-092-2"),
          Trigger.REFUSED_EXECUTION, Set.of("AQSC-112")));

  @Test
  void eachCodedConditionIsMetByADecisionCitingOneOfItsCodes() {
    Map<String, Trigger> byCode = Map.of("AQSC-114-5", Trigger.ESPECIALLY_SERIOUS_VIOLATION,
        "SGBG-36", Trigger.ACCIDENT_CONCEALED, "AQSC-110", Trigger.PRINCIPAL_FLED,
        "AQXK-19", Trigger.UNLICENSED_OPERATION, "AQSC-092-2", Trigger.QUALIFICATION_FRAUD,
        "AQSC-112", Trigger.REFUSED_EXECUTION, "AQSC-114-4", Trigger.MAJOR_ACCIDENT);
    byCode.forEach((code, trigger) -> assertThat(triggers(List.of(decision("case-1", day(2026, 3, 1), code))))
        .as(code).containsExactly(trigger));
  }

  @Test
  void anOrdinaryDecisionMeetsNothingAndARevokedOneNeverCounts() {
    assertThat(triggers(List.of(decision("case-1", day(2026, 3, 1), "AQSC-097-1")))).isEmpty();
    CreditRecord revoked = decision("case-2", day(2026, 3, 1), "AQXK-19")
        .withdrawn(new Withdrawal(day(2026, 4, 1), "evt-rev", "撤销"));
    assertThat(triggers(List.of(revoked))).isEmpty();
  }

  @Test
  void aSeriousAccidentNeedsADecisionForItMadeAfterIt() {
    CreditRecord accident = accident("acc-1", day(2026, 2, 1), "SERIOUS");
    assertThat(triggers(List.of(accident))).as("no decision yet").isEmpty();
    assertThat(triggers(List.of(accident, decision("case-0", day(2026, 1, 1), "AQSC-114-1"))))
        .as("a decision before the accident is not behind it").isEmpty();
    assertThat(triggers(List.of(accident, decision("case-1", day(2026, 3, 1), "AQSC-097-1"))))
        .as("a decision about something else").isEmpty();
    assertThat(triggers(List.of(accident, decision("case-2", day(2026, 3, 1), "AQSC-114-2"))))
        .containsExactly(Trigger.MAJOR_ACCIDENT);
  }

  @Test
  void twoMajorAccidentsCountOnlyWithinTwelveMonthsOfEachOther() {
    CreditRecord first = accident("acc-1", day(2025, 3, 10), "MAJOR");
    CreditRecord within = accident("acc-2", day(2026, 3, 10), "MAJOR");
    CreditRecord beyond = accident("acc-3", day(2026, 3, 11), "MAJOR");
    CreditRecord decision = decision("case-1", day(2026, 4, 1), "AQSC-114-2");
    assertThat(triggers(List.of(first, within, decision))).containsExactly(Trigger.REPEATED_MAJOR_ACCIDENTS);
    assertThat(triggers(List.of(first, beyond, decision))).isEmpty();
    assertThat(triggers(List.of(first, decision))).as("one is not two").isEmpty();
  }

  @Test
  void aConcealedAccidentWithADecisionForItIsTriggerFour() {
    CreditRecord concealed = new CreditRecord("evt-acc#concealed", RecordKind.ACCIDENT_CONCEALED, Severity.SERIOUS,
        "acc-1", "瞒报", day(2026, 1, 5), day(2026, 1, 5).atZone(ZONE).toLocalDate().plusYears(3),
        day(2026, 2, 1), null, List.of());
    List<TriggerMatch> matches = RULES.evaluate(List.of(concealed, accident("acc-1", day(2026, 1, 5), "ORDINARY"),
        decision("case-9", day(2026, 3, 1), "AQSC-114-1")), ZONE);
    assertThat(matches).extracting(TriggerMatch::trigger).containsExactly(Trigger.ACCIDENT_CONCEALED);
    assertThat(matches.get(0).caseId()).isEqualTo("case-9");
    assertThat(matches.get(0).grounds()).contains("acc-1", "case-9");
  }

  private static List<Trigger> triggers(List<CreditRecord> records) {
    List<Trigger> found = new ArrayList<>();
    RULES.evaluate(records, ZONE).forEach(m -> found.add(m.trigger()));
    return found;
  }

  static Instant day(int year, int month, int day) {
    return ZonedDateTime.of(year, month, day, 10, 0, 0, 0, ZONE).toInstant();
  }

  static CreditRecord decision(String caseId, Instant decidedAt, String... codes) {
    return CreditRecord.of("evt-" + caseId, RecordKind.ADMINISTRATIVE_PENALTY, Severity.SERIOUS, caseId, "处罚",
        decidedAt, decidedAt, ZONE).naming(List.of(codes));
  }

  static CreditRecord accident(String id, Instant occurredAt, String grade) {
    return CreditRecord.of("evt-" + id, RecordKind.ACCIDENT, AccidentSeverity.of(grade), id, "事故", occurredAt,
        occurredAt, ZONE).naming(List.of(grade));
  }
}
