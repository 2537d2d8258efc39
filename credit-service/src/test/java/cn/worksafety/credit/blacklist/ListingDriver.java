package cn.worksafety.credit.blacklist;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.contracts.events.NamedPerson;
import cn.worksafety.contracts.events.Penalty;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import cn.worksafety.platform.testing.TestUsccs;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/** Takes a listing through its procedure the way officers and supervisors of 深圳市 would. */
public final class ListingDriver {
  public static final String REGION = "440300";
  public static final String OFFICER = TestTokens.officer(REGION);
  public static final String SUPERVISOR = TestTokens.supervisor(REGION);
  public static final String ADMIN = TestTokens.admin();

  /** How a test publishes an enforcement event. */
  public interface Events {
    void send(EventType type, String subject, String id, Object data);
  }

  private final TestHttp http;
  private final Events events;

  public ListingDriver(TestHttp http, Events events) {
    this.http = http;
    this.events = events;
  }

  /** A newly registered enterprise of the region, once credit-service knows it. */
  public String registered() {
    String uscc = TestUsccs.random(REGION);
    events.send(EventType.ENTERPRISE_REGISTERED, uscc, UUID.randomUUID().toString(), new EnterpriseRegistered(uscc,
        "深圳市测试化工有限公司", REGION, "HAZARDOUS_CHEMICALS", "NONE", "VALID", null,
        new NamedPerson("张某", "110***********7777")));
    awaitAnswer("/api/public/enterprises/" + uscc, null, r -> r.status() == 200);
    return uscc;
  }

  public void decided(String uscc, String caseId, String code, OffsetDateTime at) {
    events.send(EventType.CASE_DECIDED, uscc, "decided-" + caseId, new CaseDecided(caseId, uscc, REGION, List.of(code),
        List.of(new Penalty("FINE", new BigDecimal("50000"), null)), at, "依法"));
  }

  public List<JsonNode> proposals(String uscc) {
    JsonNode items = http.get("/api/credit/blacklist/proposals?size=100", OFFICER).json().get("items");
    return items.valueStream().filter(p -> p.get("uscc").asString().equals(uscc)).toList();
  }

  public JsonNode awaitProposal(String uscc) {
    long deadline = System.currentTimeMillis() + 10_000;
    while (System.currentTimeMillis() < deadline) {
      List<JsonNode> found = proposals(uscc);
      if (!found.isEmpty()) {
        return found.get(0);
      }
      pause();
    }
    throw new AssertionError("no listing proposed for " + uscc);
  }

  /** Notice, decision and publication of a proposal, each answered 200; returns the published listing. */
  public JsonNode publish(String id, OffsetDateTime noticeServedAt, OffsetDateTime decidedAt) {
    String path = "/api/credit/blacklist/proposals/" + id;
    expectOk(step(path + "/notice", OFFICER, null, Map.of("servedAt", noticeServedAt.toString())));
    expectOk(step(path + "/decision", SUPERVISOR, null, decision(decidedAt)));
    return expectOk(step(path + "/publication", OFFICER, null, Map.of())).json();
  }

  public static Map<String, Object> decision(OffsetDateTime decidedAt) {
    Map<String, Object> body = new HashMap<>(Map.of("list", true, "reason", "事实清楚，符合列入条件",
        "decidingAuthority", "深圳市应急管理局"));
    if (decidedAt != null) {
      body.put("decidedAt", decidedAt.toString());
    }
    return body;
  }

  /**
   * The listing's current ETag: the reminder job may give a reminder (and so a new version) between
   * two steps of a backdated procedure, exactly as it would between two officers' clicks.
   */
  public String etag(String id) {
    return http.get("/api/credit/blacklist/" + id, ADMIN).header("ETag");
  }

  public TestHttp.Response step(String path, String token, String ifMatch, Object body) {
    return http.send("POST", path, token, body, ifMatch == null ? Map.of() : Map.of("If-Match", ifMatch));
  }

  /** The step once the event it depends on has been consumed. */
  public TestHttp.Response awaitStep(String path, String token, String ifMatch, Object body) {
    return expectOk(awaitAnswer(path, r -> r.status() == 200, () -> step(path, token, ifMatch, body)));
  }

  private TestHttp.Response awaitAnswer(String path, String token, Predicate<TestHttp.Response> until) {
    return awaitAnswer(path, until, () -> http.get(path, token));
  }

  private static TestHttp.Response awaitAnswer(String path, Predicate<TestHttp.Response> until,
      Supplier<TestHttp.Response> call) {
    long deadline = System.currentTimeMillis() + 10_000;
    TestHttp.Response response = call.get();
    while (!until.test(response) && System.currentTimeMillis() < deadline) {
      pause();
      response = call.get();
    }
    return response;
  }

  private static TestHttp.Response expectOk(TestHttp.Response response) {
    assertThat(response.status()).as(response.toString()).isEqualTo(200);
    return response;
  }

  private static void pause() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
