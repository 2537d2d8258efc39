package cn.worksafety.credit.screening;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a department may send to screening, and who may. A listing screened for is in BlacklistApiTest. */
class ScreeningApiTest extends CreditIntegrationTest {
  private final String partner = TestTokens.partner("mof");

  @Test
  void aBatchIsAnsweredQueryByQueryInOrderWithTheThresholdUsed() {
    TestHttp.Response answer = http.post("/api/credit/screening", partner, Map.of("threshold", 0.9, "queries",
        List.of(Map.of("ref", "a", "name", "从未列入的某某公司"), Map.of("uscc", "914403001922038216"))));
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(answer.json().get("threshold").asDouble()).isEqualTo(0.9);
    assertThat(answer.json().get("results")).hasSize(2);
    assertThat(answer.json().get("results").get(0).get("ref").asString()).isEqualTo("a");
    assertThat(answer.json().get("results").get(1).get("index").asInt()).isEqualTo(1);
    assertThat(answer.json().get("results").get(0).get("matches")).isEmpty();
  }

  @Test
  void badBatchesAreRefusedNamingWhatIsWrong() {
    Map<String, Object> one = Map.of("name", "某公司");
    assertRefused(Map.of("queries", List.of()), "queries");
    assertRefused(Map.of("queries", Collections.nCopies(1001, one)), "queries");
    assertRefused(Map.of("queries", List.of(one, Map.of("ref", "nothing to look for"))), "queries[1]");
    assertRefused(Map.of("queries", List.of(Map.of("uscc", "9144"))), "queries[0].uscc");
    assertRefused(Map.of("threshold", 0, "queries", List.of(one)), "threshold");
    assertRefused(Map.of("threshold", 1.5, "queries", List.of(one)), "threshold");
    assertRefused(Map.of("queries", List.of(Map.of("name", Map.of("$gt", "")))), null);
    assertThat(http.post("/api/credit/screening", TestTokens.officer("440300"), Map.of("queries", List.of(one)))
        .status()).isEqualTo(403);
  }

  private void assertRefused(Map<String, Object> body, String field) {
    TestHttp.Response answer = http.post("/api/credit/screening", partner, body);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
    if (field != null) {
      assertThat(answer.json().get("errors").findValuesAsString("field")).as(answer.toString()).contains(field);
    }
  }
}
