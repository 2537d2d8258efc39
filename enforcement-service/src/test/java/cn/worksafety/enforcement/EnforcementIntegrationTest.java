package cn.worksafety.enforcement;

import cn.worksafety.platform.testing.EmbeddedMongo;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import cn.worksafety.platform.testing.TestUsccs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The whole service on a random port, against the embedded store over TCP and the real RabbitMQ. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class EnforcementIntegrationTest {
  protected static final String SHENZHEN = "440300";
  protected static final String CHENGDU = "510100";
  protected final String officer = TestTokens.officer(SHENZHEN);

  @LocalServerPort
  protected int port;

  protected TestHttp http;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    registry.add("spring.mongodb.uri", () -> EmbeddedMongo.uri("enforcement"));
    registry.add("app.security.jwt.hmac-secret", () -> TestTokens.SECRET);
    // tests run scheduled jobs by calling them, at the moment they choose
    registry.add("app.hazards.overdue-sweep-initial-delay", () -> "PT24H");
  }

  @BeforeEach
  void client() {
    http = new TestHttp("http://127.0.0.1:" + port);
  }

  protected String registerEnterprise(String region, String token) {
    String uscc = TestUsccs.random(region);
    TestHttp.Response response = http.post("/api/enforcement/enterprises", token, Map.of("uscc", uscc,
        "name", "测试企业" + uscc.substring(10), "region", region, "industry", "HAZARDOUS_CHEMICALS"));
    if (response.status() != 201) {
      throw new AssertionError("registration failed: " + response);
    }
    return uscc;
  }

  /** Files a case and takes it to NOTIFIED with the defence waived; returns its id. */
  protected String notifiedCase(String uscc) {
    TestHttp.Response filed = http.post("/api/enforcement/cases", officer,
        Map.of("uscc", uscc, "title", "未按规定开展安全培训", "officers", List.of("officer-1", "officer-2")));
    if (filed.status() != 201) {
      throw new AssertionError("filing failed: " + filed);
    }
    String id = filed.json().get("id").asString();
    expect(http.post("/api/enforcement/cases/" + id + "/investigation", officer, Map.of()), 200);
    expect(http.post("/api/enforcement/cases/" + id + "/notice", officer, Map.of("proposedPenalties",
        List.of(Map.of("kind", "FINE", "amount", "50000.00")), "defenceWaived", true)), 200);
    return id;
  }

  /** Records the decision and has the region's supervisor approve it, which puts it in force and announces it. */
  protected void decideAndApprove(String caseId, String amount, Map<String, String> headers) {
    expect(http.send("POST", "/api/enforcement/cases/" + caseId + "/decision", officer, fineDecision(amount), headers),
        200);
    expect(http.send("POST", "/api/enforcement/cases/" + caseId + "/approval", TestTokens.supervisor(SHENZHEN),
        Map.of(), headers), 200);
  }

  protected static Map<String, Object> fineDecision(String amount) {
    return Map.of("violationCodes", List.of("AQSC-099-3"), "penalties",
        List.of(Map.of("kind", "FINE", "amount", amount)), "legalBasis", "《中华人民共和国安全生产法》第九十九条");
  }

  protected static TestHttp.Response expect(TestHttp.Response response, int status) {
    if (response.status() != status) {
      throw new AssertionError("expected " + status + " but got " + response);
    }
    return response;
  }
}
