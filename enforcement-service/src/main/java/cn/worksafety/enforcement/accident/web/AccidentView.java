package cn.worksafety.enforcement.accident.web;

import cn.worksafety.enforcement.accident.model.Accident;
import cn.worksafety.enforcement.accident.model.Figures;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

public record AccidentView(String id, String uscc, String region, OffsetDateTime occurredAt, String description,
    String grade, FiguresView reported, FiguresView established, boolean concealed, String concealmentNote,
    String state, OffsetDateTime reportedAt, OffsetDateTime concludedAt, long version) {

  public record FiguresView(int deaths, int seriousInjuries,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal directLoss) {
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
