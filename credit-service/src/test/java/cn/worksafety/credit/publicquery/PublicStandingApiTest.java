package cn.worksafety.credit.publicquery;

import static cn.worksafety.credit.blacklist.ListingDriver.OFFICER;
import static cn.worksafety.credit.blacklist.ListingDriver.SUPERVISOR;
import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.credit.blacklist.ListingDriver;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestUsccs;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * An enterprise's public standing: grade and score band, and whether it stands on the
 * serious-dishonesty list, with what a member of the public needs to know of the entry.
 */
class PublicStandingApiTest extends CreditIntegrationTest {
  private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(8));
  private static final String FULL_ID = "11010519491231002X";
  private ListingDriver listings;

  @BeforeEach
  void driver() {
    listings = new ListingDriver(http, this::send);
  }

  @Test
  void aListedEnterpriseShowsItsEntryWithDatesPersonsMaskedAndTheMeasures() {
    String uscc = listings.registered();
    listings.decided(uscc, "case-" + UUID.randomUUID(), "AQXK-19", NOW.minusDays(420));
    String id = listings.awaitProposal(uscc).get("id").asString();
    String path = "/api/credit/blacklist/proposals/" + id;
    expectOk(listings.step(path + "/notice", OFFICER, null, Map.of("servedAt", NOW.minusDays(410).toString(),
        "persons", List.of(Map.of("name", "王某", "role", "其他责任人员", "idNumber", FULL_ID)))));
    expectOk(listings.step(path + "/decision", SUPERVISOR, null, ListingDriver.decision(NOW.minusDays(400))));
    expectOk(listings.step(path + "/publication", OFFICER, null, Map.of()));

    TestHttp.Response answer = awaitListed(uscc);
    JsonNode standing = answer.json();
    assertThat(standing.get("grade").asString()).isEqualTo("D");
    assertThat(standing.get("scoreBand").asString()).isEqualTo("100–109");
    assertThat(standing.has("score")).isFalse();
    JsonNode status = standing.get("listStatus");
    assertThat(status.get("listed").asBoolean()).isTrue();
    JsonNode entry = status.get("entries").get(0);
    LocalDate start = NOW.minusDays(400).toLocalDate();
    assertThat(entry.get("entryId").asString()).isEqualTo(id);
    assertThat(entry.get("unitName").asString()).isEqualTo("深圳市测试化工有限公司");
    assertThat(entry.get("reason").asString()).contains("安全生产许可");
    assertThat(entry.get("decidingAuthority").asString()).isEqualTo("深圳市应急管理局");
    assertThat(entry.get("startDate").asString()).isEqualTo(start.toString());
    assertThat(entry.get("endDate").asString()).isEqualTo(start.plusYears(3).minusDays(1).toString());
    assertThat(entry.get("repairEligibleFrom").asString()).isEqualTo(start.plusMonths(12).toString());
    assertThat(OffsetDateTime.parse(entry.get("publishedAt").asString())).isAfter(NOW.minusMinutes(1));
    assertThat(entry.get("persons").findValuesAsString("maskedIdNumber"))
        .containsExactly("110***********7777", "110***********002X");
    assertThat(entry.get("persons").findValuesAsString("name")).containsExactly("张某", "王某");
    assertThat(answer.body()).doesNotContain(FULL_ID);
    JsonNode safetyRegulator = status.get("measures").valueStream()
        .filter(d -> d.get("department").asString().equals("mem")).findFirst().orElseThrow();
    assertThat(safetyRegulator.get("measures").findValuesAsString("code")).contains("M-INSPECTION-FREQUENCY");
    assertThat(safetyRegulator.get("measures").get(0).get("description").asString()).isNotBlank();
    assertThat(status.get("measures").findValuesAsString("department")).contains("ndrc", "mof", "pboc");
  }

  @Test
  void anEnterpriseNotListedSaysSoAndShowsNoMeasures() {
    String uscc = listings.registered();

    JsonNode standing = expectOk(http.get("/api/public/enterprises/" + uscc, null)).json();
    assertThat(standing.get("grade").asString()).isEqualTo("A");
    assertThat(standing.get("scoreBand").asString()).isEqualTo("100–109");
    assertThat(standing.get("listStatus").get("listed").asBoolean()).isFalse();
    assertThat(standing.get("listStatus").get("entries")).isEmpty();
    assertThat(standing.get("listStatus").get("measures")).isEmpty();
    assertThat(expectOk(http.get("/api/public/enterprises/" + uscc.toLowerCase(), null)).json().get("uscc")
        .asString()).as("any case").isEqualTo(uscc);
  }

  @Test
  void aMalformedCodeIsRefusedAndAnUnknownOneIsNotFound() {
    for (String malformed : List.of("9144", "91440300192203821I", "9144030019220382160")) {
      TestHttp.Response answer = http.get("/api/public/enterprises/" + malformed, null);
      assertThat(answer.status()).as(malformed + " → " + answer).isEqualTo(400);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
      assertThat(answer.json().get("errors").findValuesAsString("field")).containsExactly("uscc");
    }
    String unknown = TestUsccs.random("110000");
    for (String code : List.of(unknown, TestUsccs.withWrongCheck(unknown))) {
      TestHttp.Response answer = http.get("/api/public/enterprises/" + code, null);
      assertThat(answer.status()).as(code + " (a historic code may fail the check) → " + answer).isEqualTo(404);
      assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    }
  }

  private TestHttp.Response awaitListed(String uscc) {
    long deadline = System.currentTimeMillis() + 10_000;
    TestHttp.Response answer = http.get("/api/public/enterprises/" + uscc, null);
    while (!answer.json().get("listStatus").get("listed").asBoolean() && System.currentTimeMillis() < deadline) {
      sleep();
      answer = http.get("/api/public/enterprises/" + uscc, null);
    }
    assertThat(answer.json().get("listStatus").get("listed").asBoolean()).as(answer.toString()).isTrue();
    return answer;
  }

  private static TestHttp.Response expectOk(TestHttp.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response;
  }
}
