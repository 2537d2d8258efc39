package cn.worksafety.credit.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.contracts.events.Penalty;
import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import cn.worksafety.platform.testing.TestUsccs;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Drawing and fetching a region's random-inspection plan through the API. */
class SupervisionApiTest extends CreditIntegrationTest {
  private final int nextYear = Year.now().getValue() + 1;

  @Test
  void aPlanSamplesEachGradeAtItsRateIsReproducibleAndIsDrawnOnce() {
    String county = "4405" + String.format("%02d", ThreadLocalRandom.current().nextInt(1, 100));
    for (int i = 0; i < 10; i++) {
      register(county);
    }
    String d1 = register(county);
    String d2 = register(county);
    for (String uscc : List.of(d1, d2)) {
      for (int fine = 0; fine < 3; fine++) {
        send(EventType.CASE_DECIDED, uscc, UUID.randomUUID().toString(), new CaseDecided("case-" + UUID.randomUUID(),
            uscc, county, List.of("AQSC-099-3"), List.of(new Penalty("FINE", new BigDecimal("200000"), null)),
            OffsetDateTime.now(ZoneOffset.ofHours(8)).minusHours(1), "《安全生产法》第九十九条"));
      }
    }
    awaitGrade(d1, "D");
    awaitGrade(d2, "D");

    TestHttp.Response drawn = draw(TestTokens.supervisor("440000"), Map.of("region", county, "year", nextYear, "seed", 42));
    assertThat(drawn.status()).isEqualTo(201);
    JsonNode plan = drawn.json();
    assertThat(plan.get("seed").asString()).isEqualTo("42");
    assertThat(plan.get("samples").findValuesAsString("grade")).containsExactly("A", "B", "C", "D");
    assertThat(plan.get("samples").get(0).get("population").asInt()).isEqualTo(10);
    assertThat(plan.get("samples").get(0).get("sampleSize").asInt()).as("5 % of 10, rounded up").isEqualTo(1);
    List<String> drawnD = new java.util.ArrayList<>();
    plan.get("samples").get(3).get("drawn").forEach(n -> drawnD.add(n.asString()));
    assertThat(drawnD).containsExactlyInAnyOrder(d1, d2);

    TestHttp.Response again = draw(TestTokens.admin(), Map.of("region", county, "year", nextYear, "seed", 7));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.json().get("plan").asString()).endsWith("/" + county + "/" + nextYear);

    JsonNode fetched = http.get("/api/credit/supervision/plans/" + county + "/" + nextYear,
        TestTokens.officer(county)).json();
    assertThat(fetched.get("samples")).isEqualTo(plan.get("samples"));
    assertThat(http.get("/api/credit/supervision/plans/" + county + "/" + nextYear, TestTokens.officer("510100"))
        .status()).as("another region's plan does not exist for the caller").isEqualTo(404);

    TestHttp.Response sameSeedThisYear = draw(TestTokens.admin(), Map.of("region", county, "year", nextYear - 1, "seed", 42));
    assertThat(sameSeedThisYear.json().get("samples").get(0).get("drawn"))
        .as("the same seed over the same enterprises draws the same sample").isEqualTo(plan.get("samples").get(0).get("drawn"));
  }

  @Test
  void badRequestsAreRefusedNamingWhatIsWrongAndOfficersCannotDraw() {
    TestHttp.Response pastYear = draw(TestTokens.admin(), Map.of("region", "440300", "year", 2001));
    assertThat(pastYear.status()).isEqualTo(400);
    assertThat(pastYear.json().get("errors").get(0).get("field").asString()).isEqualTo("year");
    TestHttp.Response badRegion = draw(TestTokens.admin(), Map.of("region", "44-03", "year", nextYear));
    assertThat(badRegion.status()).isEqualTo(400);
    assertThat(badRegion.json().get("errors").get(0).get("field").asString()).isEqualTo("region");
    assertThat(draw(TestTokens.admin(), Map.of("year", nextYear)).status())
        .isEqualTo(400);
    assertThat(draw(TestTokens.officer("440300"), Map.of("region", "440300", "year", nextYear)).status()).isEqualTo(403);
    assertThat(http.get("/api/credit/supervision/plans/440300/1999", TestTokens.officer("440300")).status())
        .isEqualTo(404);
  }

  private TestHttp.Response draw(String token, Map<String, Object> body) {
    return http.post("/api/credit/supervision/plans", token, body);
  }

  private String register(String county) {
    String uscc = TestUsccs.random(county);
    send(EventType.ENTERPRISE_REGISTERED, uscc, UUID.randomUUID().toString(), new EnterpriseRegistered(uscc,
        "抽查测试企业" + uscc.substring(10), county, "MINING", "NONE", "VALID", null, null));
    assertThat(awaitStatus("/api/public/enterprises/" + uscc, 200)).isTrue();
    return uscc;
  }

  private void awaitGrade(String uscc, String grade) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      if (grade.equals(http.get("/api/public/enterprises/" + uscc, null).json().get("grade").asString())) {
        return;
      }
      sleep();
    }
    throw new AssertionError(uscc + " never became " + grade);
  }
}
