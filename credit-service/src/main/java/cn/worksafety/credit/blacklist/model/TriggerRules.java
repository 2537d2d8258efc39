package cn.worksafety.credit.blacklist.model;

import cn.worksafety.credit.creditfile.model.CreditRecord;
import cn.worksafety.credit.creditfile.model.RecordKind;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which facts on a credit file meet which listing condition, kept as data ({@code blacklist/triggers.json})
 * because violation codes follow the catalogue, not the code.
 *
 * <p>Every condition rests on a penalty decision that is not revoked. Triggers 3 to 8 are met by a
 * decision citing one of their violation codes. The accident triggers are also met by the accidents on
 * file: a decision for an accident (citing one of {@code accidentPenaltyCodes}), made on or after a
 * 重大 or worse accident (1), after the second of two 较大 accidents within 12 months (2), or after an
 * accident found concealed (4).
 *
 * @param legalBasis the regulation every listing cites
 * @param accidentPenaltyCodes violation codes of a decision that punishes an accident
 * @param codes per trigger, the violation codes whose decision meets it
 */
public record TriggerRules(String legalBasis, Set<String> accidentPenaltyCodes, Map<Trigger, Set<String>> codes) {
  static final Set<String> MAJOR_OR_WORSE = Set.of("SERIOUS", "ESPECIALLY_SERIOUS");
  static final String MAJOR = "MAJOR";
  static final Period REPEAT_WINDOW = Period.ofMonths(12);

  public TriggerRules {
    accidentPenaltyCodes = Set.copyOf(accidentPenaltyCodes);
    codes = Map.copyOf(codes);
  }

  /** Every condition the records meet, once per trigger and decision. */
  public List<TriggerMatch> evaluate(List<CreditRecord> records, ZoneId zone) {
    List<CreditRecord> standing = records.stream().filter(r -> !r.isWithdrawn()).toList();
    Map<String, TriggerMatch> matches = new LinkedHashMap<>();
    for (CreditRecord decision : of(standing, RecordKind.ADMINISTRATIVE_PENALTY)) {
      codes.forEach((trigger, cited) -> decision.codes().stream().filter(cited::contains).findFirst()
          .ifPresent(code -> add(matches, trigger, decision, "处罚决定 " + decision.reference() + " 认定违法行为 " + code)));
      if (decision.codes().stream().anyMatch(accidentPenaltyCodes::contains)) {
        accidentTriggers(standing, decision, zone, matches);
      }
    }
    return List.copyOf(matches.values());
  }

  private void accidentTriggers(List<CreditRecord> standing, CreditRecord decision, ZoneId zone,
      Map<String, TriggerMatch> matches) {
    List<CreditRecord> before = standing.stream().filter(r -> !r.occurredAt().isAfter(decision.occurredAt()))
        .sorted(Comparator.comparing(CreditRecord::occurredAt)).toList();
    for (CreditRecord accident : of(before, RecordKind.ACCIDENT)) {
      if (accident.codes().stream().anyMatch(MAJOR_OR_WORSE::contains)) {
        add(matches, Trigger.MAJOR_ACCIDENT, decision, "事故 " + accident.reference() + " (" + accident.codes().get(0)
            + ")，处罚决定 " + decision.reference());
      }
    }
    List<CreditRecord> major = of(before, RecordKind.ACCIDENT).stream().filter(a -> a.codes().contains(MAJOR)).toList();
    for (int i = 1; i < major.size(); i++) {
      CreditRecord first = major.get(i - 1);
      CreditRecord second = major.get(i);
      if (second.occurredAt().atZone(zone).toLocalDate()
          .isBefore(first.occurredAt().atZone(zone).toLocalDate().plus(REPEAT_WINDOW).plusDays(1))) {
        add(matches, Trigger.REPEATED_MAJOR_ACCIDENTS, decision, "12个月内较大事故 " + first.reference() + "、"
            + second.reference() + "，处罚决定 " + decision.reference());
      }
    }
    for (CreditRecord concealed : of(before, RecordKind.ACCIDENT_CONCEALED)) {
      add(matches, Trigger.ACCIDENT_CONCEALED, decision, "事故 " + concealed.reference() + " 瞒报、谎报，处罚决定 "
          + decision.reference());
    }
  }

  private static List<CreditRecord> of(List<CreditRecord> records, RecordKind kind) {
    return records.stream().filter(r -> r.kind() == kind).toList();
  }

  private static void add(Map<String, TriggerMatch> matches, Trigger trigger, CreditRecord decision, String grounds) {
    matches.putIfAbsent(trigger + "/" + decision.reference(),
        new TriggerMatch(trigger, decision.reference(), decision.occurredAt(), grounds));
  }
}
