package cn.worksafety.deploy;

import cn.worksafety.deploy.DemoDataGenerator.Case;
import cn.worksafety.deploy.DemoDataGenerator.Enterprise;
import cn.worksafety.deploy.DemoDataGenerator.Penalty;
import cn.worksafety.deploy.DemoDataGenerator.Region;
import cn.worksafety.deploy.DemoDataGenerator.Stage;
import cn.worksafety.deploy.GatewayClient.Response;
import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Loads the demo data through the gateway's public HTTP API, exactly as officers and an
 * administrator would: test tokens, then enterprises, penalty cases and partner departments.
 */
public final class DemoData {

  public static final int ENTERPRISES = 240;

  /** What was loaded; {@code watchUscc} is a decided enterprise whose rating should drop. */
  public record Summary(int enterprises, Map<Stage, Integer> cases, int partners, String watchUscc) {}

  private record Partner(String code, String name, List<String> measures) {
    Map<String, Object> body() {
      return Map.of("code", code, "name", name, "measures", measures);
    }
  }

  private static final List<Partner> PARTNERS = List.of(
      new Partner("ndrc", "国家发展和改革委员会", List.of("M-PROJECT-APPROVAL", "M-BOND-ISSUE")),
      new Partner("mof", "财政部", List.of("M-GOVERNMENT-PROCUREMENT", "M-FISCAL-SUBSIDY")),
      new Partner("pboc", "中国人民银行", List.of("M-CREDIT-LIMIT", "M-FINANCING-RESTRICTION")));

  private final GatewayClient gateway;
  private final Progress progress;
  private final DemoDataGenerator generator = new DemoDataGenerator();

  public DemoData(URI gatewayBaseUrl) {
    this(gatewayBaseUrl, Progress.silent());
  }

  DemoData(URI gatewayBaseUrl, Progress progress) {
    this.gateway = new GatewayClient(gatewayBaseUrl);
    this.progress = progress;
  }

  /** True when the public register lists no enterprise yet, i.e. the demo data was never loaded. */
  public boolean isEmpty() {
    Response response = gateway.get("/api/public/enterprises?size=1", null);
    JsonNode page = GatewayClient.expect(response, 200);
    JsonNode total = page.path("total");
    if (!total.isNumber()) {
      throw new GatewayClient.ApiException("GET /api/public/enterprises has no numeric 'total': " + response.body());
    }
    return total.asLong() == 0;
  }

  public Summary load() {
    Map<String, String> officerTokens = new HashMap<>();
    for (Region region : DemoDataGenerator.REGIONS) {
      officerTokens.put(region.code(), gateway.token(officerId(region.code()), List.of("OFFICER"), region.code()));
    }
    Map<String, String> supervisorTokens = new HashMap<>();
    for (Region region : DemoDataGenerator.REGIONS) {
      supervisorTokens.put(region.code(),
          gateway.token(officerId(region.code()) + "-supervisor", List.of("SUPERVISOR"), region.code()));
    }
    String adminToken = gateway.token("demo-credit-admin", List.of("CREDIT_ADMIN"), null);

    List<Enterprise> enterprises = generator.enterprises(ENTERPRISES);
    int done = 0;
    for (Enterprise enterprise : enterprises) {
      // 409: registered by an earlier, interrupted load
      GatewayClient.expect(gateway.post("/api/enforcement/enterprises", enterprise.body(),
          officerTokens.get(enterprise.region())), 201, 409);
      progress.count("enterprises", ++done, enterprises.size());
    }

    List<Case> cases = generator.cases(enterprises);
    Map<Stage, Integer> byStage = new EnumMap<>(Stage.class);
    String watch = null;
    int heaviest = -1;
    done = 0;
    for (Case demoCase : cases) {
      runCase(demoCase, officerTokens.get(demoCase.enterprise().region()),
          supervisorTokens.get(demoCase.enterprise().region()));
      byStage.merge(demoCase.stage(), 1, Integer::sum);
      if (demoCase.stage() == Stage.APPROVED && weight(demoCase.penalties()) > heaviest) {
        heaviest = weight(demoCase.penalties());
        watch = demoCase.enterprise().uscc();
      }
      progress.count("cases", ++done, cases.size());
    }

    for (Partner partner : PARTNERS) {
      GatewayClient.expect(gateway.post("/api/credit/partners", partner.body(), adminToken), 201, 409);
    }
    progress.count("partner departments", PARTNERS.size(), PARTNERS.size());
    return new Summary(enterprises.size(), byStage, PARTNERS.size(), watch);
  }

  /**
   * Waits until the public page shows the approved decision against {@code uscc}: a lower grade or
   * its credit record (ratings are computed asynchronously from events). False if it did not within {@code timeout}.
   */
  public boolean awaitRating(String uscc, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      Response response = gateway.get("/api/public/enterprises/" + uscc, null);
      if (response.status() == 200) {
        JsonNode body = response.json();
        // the public sees a grade and a score band, not the score: the decision's record is the sign
        if (!body.path("grade").asString("A").equals("A") || !body.path("records").isEmpty()) {
          return true;
        }
      }
      Thread.sleep(2000);
    }
    return false;
  }

  private void runCase(Case demoCase, String token, String supervisorToken) {
    String region = demoCase.enterprise().region();
    JsonNode filed = GatewayClient.expect(gateway.post("/api/enforcement/cases", Map.of(
        "uscc", demoCase.enterprise().uscc(),
        "title", demoCase.violation().title(),
        "officers", List.of(officerId(region), officerId(region) + "-2")), token), 201);
    String id = filed.path("id").asString("");
    if (id.isEmpty()) {
      throw new GatewayClient.ApiException("POST /api/enforcement/cases answered without an id: " + filed);
    }
    String path = "/api/enforcement/cases/" + id;
    Stage stage = demoCase.stage();
    if (stage.compareTo(Stage.INVESTIGATING) >= 0) {
      GatewayClient.expect(gateway.post(path + "/investigation", Map.of(), token), 200, 201);
    }
    List<Map<String, Object>> penalties = demoCase.penalties().stream().map(Penalty::body).toList();
    if (stage.compareTo(Stage.NOTIFIED) >= 0) {
      GatewayClient.expect(gateway.post(path + "/notice",
          Map.of("proposedPenalties", penalties, "defenceWaived", true), token), 200, 201);
    }
    if (stage.compareTo(Stage.DECIDED) >= 0) {
      GatewayClient.expect(gateway.post(path + "/decision", Map.of(
          "violationCodes", List.of(demoCase.violation().code()),
          "penalties", penalties,
          "legalBasis", demoCase.violation().legalBasis()), token), 200, 201);
    }
    if (stage == Stage.APPROVED) {
      // every demo approval cites its collective review, which serious penalties require
      GatewayClient.expect(gateway.post(path + "/approval",
          Map.of("collectiveReviewRef", "DEMO-JT-" + id.substring(0, 8)), supervisorToken), 200, 201);
    }
  }

  private static String officerId(String region) {
    return region.equals("440300") ? "demo-officer-sz" : "demo-officer-cd";
  }

  /** Rough severity, only to pick the enterprise whose rating most surely changes. */
  private static int weight(List<Penalty> penalties) {
    int weight = 0;
    for (Penalty penalty : penalties) {
      weight += switch (penalty.kind()) {
        case "SUSPENSION" -> 1_000_000 + penalty.periodDays();
        case "FINE", "CONFISCATION" -> (int) Double.parseDouble(penalty.amount()) / 1000;
        default -> 1;
      };
    }
    return weight;
  }
}
