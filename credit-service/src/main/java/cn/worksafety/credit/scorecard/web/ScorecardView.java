package cn.worksafety.credit.scorecard.web;

import cn.worksafety.credit.creditfile.model.Scorecard;
import cn.worksafety.credit.scorecard.model.ScorecardVersion;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A scorecard version: its state and history, and its rules in the shape a draft is written in. */
public record ScorecardView(
    @Schema(example = "v2") String version,
    @Schema(description = "DRAFT, ACTIVE (in force) or RETIRED", example = "DRAFT") String state,
    @Schema(example = "100") int base,
    Map<String, Map<String, Integer>> deductions,
    Map<String, Integer> standardizationBonus,
    List<DraftRequest.Step> ageing,
    DraftRequest.Thresholds thresholds,
    @Schema(example = "admin-li") String draftedBy,
    OffsetDateTime draftedAt,
    String activatedBy,
    OffsetDateTime activatedAt,
    OffsetDateTime retiredAt) {

  static ScorecardView of(ScorecardVersion v, ZoneId zone) {
    Scorecard r = v.rules();
    Map<String, Map<String, Integer>> deductions = new LinkedHashMap<>();
    r.deductions().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
      Map<String, Integer> row = new LinkedHashMap<>();
      e.getValue().entrySet().stream().sorted(Map.Entry.comparingByKey())
          .forEach(p -> row.put(p.getKey().name(), p.getValue()));
      deductions.put(e.getKey().name(), row);
    });
    return new ScorecardView(v.version(), v.state().name(), r.base(), deductions,
        new TreeMap<>(r.standardizationBonus()),
        r.ageing().stream().map(a -> new DraftRequest.Step(a.olderThanMonths(), a.percent())).toList(),
        new DraftRequest.Thresholds(r.thresholds().a(), r.thresholds().b(), r.thresholds().c()),
        v.draftedBy(), time(v.draftedAt(), zone), v.activatedBy(), time(v.activatedAt(), zone),
        time(v.retiredAt(), zone));
  }

  static OffsetDateTime time(Instant at, ZoneId zone) {
    return at == null ? null : at.atZone(zone).toOffsetDateTime();
  }
}
