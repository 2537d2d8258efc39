package cn.worksafety.credit.measure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The catalogue is data a credit administrator edits; a measure code stays one department's. */
class MeasureApiTest extends CreditIntegrationTest {
  private static final String ADMIN = TestTokens.admin();

  @Test
  void anAdministratorAddsAndEditsADepartmentsMeasuresAndPartnersMayApplyThem() {
    String suffix = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    String dept = "t" + suffix.toLowerCase();
    String measure = "M-TEST-" + suffix;
    TestHttp.Response added = put(dept, ADMIN, Map.of("name", "应急管理部门（试）", "measures",
        List.of(Map.of("code", measure, "description", "限制评优评先"))));
    assertThat(added.status()).as(added.toString()).isEqualTo(200);
    TestHttp.Response edited = put(dept, ADMIN, Map.of("name", "应急管理部门（试）", "measures",
        List.of(Map.of("code", measure, "description", "取消评优评先资格"),
            Map.of("code", measure + "-2", "description", "列为重点监管对象"))));
    assertThat(edited.status()).as(edited.toString()).isEqualTo(200);
    JsonNode stored = department(dept);
    assertThat(stored.get("measures").findValuesAsString("code")).containsExactly(measure, measure + "-2");
    assertThat(stored.get("measures").get(0).get("description").asString()).isEqualTo("取消评优评先资格");

    String partner = "p" + suffix.toLowerCase();
    TestHttp.Response registered = http.post("/api/credit/partners", ADMIN, Map.of("code", partner, "name", "试点部门",
        "measures", List.of(measure + "-2")));
    assertThat(registered.status()).as("a new measure can be applied at once").isEqualTo(201);
    http.send("DELETE", "/api/credit/partners/" + partner, ADMIN, null, Map.of());
  }

  @Test
  void aCodeOfAnotherDepartmentOrABadBodyIsRefusedAndChangesNothing() {
    String dept = "t" + UUID.randomUUID().toString().substring(0, 6);
    TestHttp.Response taken = put(dept, ADMIN, Map.of("name", "x", "measures",
        List.of(Map.of("code", "M-GOVERNMENT-PROCUREMENT", "description", "限制参加政府采购活动"))));
    assertThat(taken.status()).isEqualTo(409);
    assertThat(taken.json().get("department").asString()).isEqualTo("mof");
    assertThat(department(dept)).as("nothing stored").isNull();

    assertBad(dept, Map.of("name", "x", "measures", List.of()), "measures");
    assertBad(dept, Map.of("name", "x", "measures", List.of(Map.of("code", "lower-case", "description", "d"))),
        "measures[0].code");
    assertBad(dept, Map.of("name", "x", "measures", List.of(Map.of("code", "M-AB", "description", "d"),
        Map.of("code", "M-AB", "description", "e"))), "measures[1].code");
    assertBad(dept, Map.of("name", Map.of("$gt", ""), "measures", List.of()), "name");
    assertThat(put("Not Valid", ADMIN, Map.of("name", "x", "measures",
        List.of(Map.of("code", "M-AB", "description", "d")))).status()).isEqualTo(400);
    assertThat(department(dept)).as("nothing stored").isNull();
    assertThat(put(dept, TestTokens.partner("mof"), Map.of("name", "x", "measures",
        List.of(Map.of("code", "M-AB", "description", "d")))).status()).isEqualTo(403);
  }

  private void assertBad(String dept, Map<String, Object> body, String field) {
    TestHttp.Response refused = put(dept, ADMIN, body);
    assertThat(refused.status()).as(refused.toString()).isEqualTo(400);
    assertThat(refused.body()).as(refused.toString()).containsAnyOf("'" + field + "'", "\"" + field + "\"");
  }

  private TestHttp.Response put(String dept, String token, Object body) {
    return http.send("PUT", "/api/credit/measures/" + dept.replace(" ", "%20"), token, body, Map.of());
  }

  private JsonNode department(String code) {
    return http.get("/api/credit/measures", ADMIN).json().valueStream()
        .filter(d -> d.get("code").asString().equals(code)).findFirst().orElse(null);
  }
}
