package cn.worksafety.enforcement.accident.web;

import cn.worksafety.enforcement.accident.model.Accident;
import cn.worksafety.enforcement.accident.model.Figures;
import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

@Schema(description = "An accident; established is null until concluded, and the grade follows the figures in force.",
    example = """
    {"id": "8d7c6b5a-4e3f-4a2b-9c1d-0e9f8a7b6c5d", "uscc": "914403001922038216", "region": "440300",
     "occurredAt": "2026-11-20T14:30:00+08:00", "description": "储罐区爆燃，造成1人死亡、4人重伤", "grade": "MAJOR",
     "reported": {"deaths": 1, "seriousInjuries": 4, "directLoss": "3800000.00"},
     "established": {"deaths": 3, "seriousInjuries": 5, "directLoss": "12500000.00"},
     "concealed": true, "concealmentNote": null, "state": "CONCLUDED",
     "reportedAt": "2026-11-20T15:10:51.408+08:00", "concludedAt": "2027-01-15T10:00:12.003+08:00", "version": 2}
    """)
public record AccidentView(String id, String uscc, String region, OffsetDateTime occurredAt, String description,
    String grade, FiguresView reported, FiguresView established, boolean concealed, String concealmentNote,
    String state, OffsetDateTime reportedAt, OffsetDateTime concludedAt, long version) {

  public record FiguresView(int deaths, int seriousInjuries,
      @Schema(type = "string", example = "3800000.00") @JsonFormat(shape = JsonFormat.Shape.STRING)
      BigDecimal directLoss) {
    static FiguresView of(Figures f) {
      return f == null ? null : new FiguresView(f.deaths(), f.seriousInjuries(), f.directLoss());
    }
  }

  static AccidentView of(Accident a, ZoneId zone) {
    return new AccidentView(a.id(), a.uscc(), a.region(), at(a.occurredAt(), zone), a.description(), a.grade().name(),
        FiguresView.of(a.reported()), FiguresView.of(a.established()), a.concealed(), a.concealmentNote(),
        a.state().name(), at(a.reportedAt(), zone), at(a.concludedAt(), zone), a.version());
  }

  private static OffsetDateTime at(Instant instant, ZoneId zone) {
    return instant == null ? null : instant.atZone(zone).toOffsetDateTime();
  }
}
