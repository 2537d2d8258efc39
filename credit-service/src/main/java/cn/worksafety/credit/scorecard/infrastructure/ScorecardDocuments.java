package cn.worksafety.credit.scorecard.infrastructure;

import cn.worksafety.credit.creditfile.model.RecordKind;
import cn.worksafety.credit.creditfile.model.Scorecard;
import cn.worksafety.credit.creditfile.model.Severity;
import cn.worksafety.credit.scorecard.model.ScorecardState;
import cn.worksafety.credit.scorecard.model.ScorecardVersion;
import java.time.Instant;
import java.util.Date;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Maps scorecard versions to and from their stored form; the rules keep the shape of the seed file. */
final class ScorecardDocuments {
  private ScorecardDocuments() {}

  static Document toDocument(ScorecardVersion v) {
    Scorecard r = v.rules();
    Document deductions = new Document();
    r.deductions().forEach((kind, bySeverity) -> {
      Document row = new Document();
      bySeverity.forEach((severity, points) -> row.append(severity.name(), points));
      deductions.append(kind.name(), row);
    });
    Document rules = new Document("base", r.base()).append("deductions", deductions)
        .append("standardizationBonus", new Document(r.standardizationBonus()))
        .append("ageing", r.ageing().stream().map(a -> new Document("olderThanMonths", a.olderThanMonths())
            .append("percent", a.percent())).toList())
        .append("thresholds", new Document("a", r.thresholds().a()).append("b", r.thresholds().b())
            .append("c", r.thresholds().c()));
    return new Document("_id", v.version()).append("state", v.state().name()).append("rules", rules)
        .append("draftedBy", v.draftedBy()).append("draftedAt", date(v.draftedAt()))
        .append("activatedBy", v.activatedBy()).append("activatedAt", date(v.activatedAt()))
        .append("activationRun", v.activationRun()).append("retiredAt", date(v.retiredAt()));
  }

  static ScorecardVersion fromDocument(Document d) {
    String version = d.getString("_id");
    Document rules = d.get("rules", Document.class);
    Map<RecordKind, Map<Severity, Integer>> deductions = new EnumMap<>(RecordKind.class);
    rules.get("deductions", Document.class).forEach((kind, row) -> {
      Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
      ((Document) row).forEach((severity, points) -> bySeverity.put(Severity.valueOf(severity), (Integer) points));
      deductions.put(RecordKind.valueOf(kind), Map.copyOf(bySeverity));
    });
    Map<String, Integer> bonus = new LinkedHashMap<>();
    rules.get("standardizationBonus", Document.class).forEach((grade, points) -> bonus.put(grade, (Integer) points));
    List<Scorecard.Ageing> ageing = rules.getList("ageing", Document.class).stream()
        .map(a -> new Scorecard.Ageing(a.getInteger("olderThanMonths"), a.getInteger("percent"))).toList();
    Document t = rules.get("thresholds", Document.class);
    Scorecard scorecard = new Scorecard(version, rules.getInteger("base"), Map.copyOf(deductions), Map.copyOf(bonus),
        ageing, new Scorecard.Thresholds(t.getInteger("a"), t.getInteger("b"), t.getInteger("c")));
    return new ScorecardVersion(version, ScorecardState.valueOf(d.getString("state")), scorecard,
        d.getString("draftedBy"), instant(d, "draftedAt"), d.getString("activatedBy"), instant(d, "activatedAt"),
        d.getString("activationRun"), instant(d, "retiredAt"));
  }

  static Date date(Instant at) {
    return at == null ? null : Date.from(at);
  }

  static Instant instant(Document d, String field) {
    Date date = d.getDate(field);
    return date == null ? null : date.toInstant();
  }
}
