package cn.worksafety.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ListByDaysApiTest extends EnforcementIntegrationTest {
  private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

  @Test
  void casesFilterByTheDayTheyWereFiled() {
    String id = notifiedCase(registerEnterprise(SHENZHEN, officer));
    assertThat(caseIds("filedFrom=" + TODAY + "&filedTo=" + TODAY)).contains(id);
    assertThat(caseIds("filedFrom=" + TODAY.plusDays(1))).doesNotContain(id);
    assertThat(caseIds("filedTo=" + TODAY.minusDays(1))).doesNotContain(id);
    assertThat(expect(http.get("/api/enforcement/cases?filedFrom=" + TODAY + "&filedTo=" + TODAY.minusDays(1),
        officer), 400).json().get("errors").get(0).get("field").asString()).isEqualTo("filedFrom");
    expect(http.get("/api/enforcement/cases?filedFrom=yesterday", officer), 400);
  }

  @Test
  void accidentsFilterByTheDayTheyOccurred() {
    String uscc = registerEnterprise(SHENZHEN, officer);
    OffsetDateTime fortyDaysAgo = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(40).withNano(0);
    String id = expect(http.post("/api/enforcement/accidents", officer, Map.of("uscc", uscc, "occurredAt",
        fortyDaysAgo.toString(), "description", "储罐区检修时发生中毒", "deaths", 0, "seriousInjuries", 1,
        "directLoss", "120000.00")), 201).json().get("id").asString();
    LocalDate day = fortyDaysAgo.toLocalDate();
    assertThat(accidentIds("occurredFrom=" + day + "&occurredTo=" + day)).contains(id);
    assertThat(accidentIds("occurredFrom=" + day.plusDays(1))).doesNotContain(id);
    assertThat(accidentIds("occurredTo=" + day.minusDays(1))).doesNotContain(id);
    expect(http.get("/api/enforcement/accidents?occurredFrom=" + TODAY + "&occurredTo=" + day, officer), 400);
  }

  private List<String> caseIds(String query) {
    return expect(http.get("/api/enforcement/cases?size=100&" + query, officer), 200).json().get("items")
        .findValuesAsString("id");
  }

  private List<String> accidentIds(String query) {
    return expect(http.get("/api/enforcement/accidents?size=100&" + query, officer), 200).json().get("items")
        .findValuesAsString("id");
  }
}
