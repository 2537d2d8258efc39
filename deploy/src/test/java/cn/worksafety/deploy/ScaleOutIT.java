package cn.worksafety.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.deploy.CaseWorkload.Driven;
import cn.worksafety.deploy.Gateways.Answer;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two instances of everything on one machine (DESIGN.md, "Growing past one machine"): 5,000 penalty
 * cases driven through both gateways while one instance of each application is killed with SIGKILL
 * part-way; afterwards every credit event reached every partner queue, no credit record is doubled,
 * and the overdue sweep (a scheduled job on both enforcement instances) announced each hazard once.
 */
class ScaleOutIT {
  private static final JsonMapper JSON = RunningSystem.JSON;
  private static final int ENTERPRISES = Integer.getInteger("scale-out.cases", 5_000);
  private static final int KILL_AFTER = ENTERPRISES * 2 / 5;
  private static final int HAZARD_EVERY = 25;
  private static final Duration SETTLE = Duration.ofMinutes(4);
  private static final List<String> PARTNERS = List.of("scale-tax", "scale-market");

  private static ReplicatedSystem system;

  @BeforeAll
  static void start() throws Exception {
    system = new ReplicatedSystem();
    system.start(Map.of(
        // short leases, so that the survivors take over a killed instance's relay and sweep within
        // seconds rather than the production minute
        "APP_OUTBOX_LEASE", "10s",
        "APP_HAZARDS_OVERDUE_SWEEP", "PT2S",
        "APP_HAZARDS_OVERDUE_SWEEP_INITIAL_DELAY", "PT2S",
        "APP_HAZARDS_OVERDUE_SWEEP_LEASE", "PT10S"));
  }

  @AfterAll
  static void stop() {
    if (system != null) {
      system.close();
    }
  }

  @Test
  void nothingIsLostOrDoubledWhenOneInstanceOfEachDies() throws Exception {
    Gateways gateways = new Gateways(system.gatewayUris());
    String officer = token(gateways, "officer-scale", "OFFICER", "440300");
    String supervisor = token(gateways, "supervisor-scale", "SUPERVISOR", "440300");
    String admin = token(gateways, "admin-scale", "CREDIT_ADMIN", "440300");
    for (String partner : PARTNERS) {
      Answer registered = gateways.send("POST", "/api/credit/partners", admin, Map.of("code", partner,
          "name", "扩容测试成员单位 " + partner, "measures", List.of("M-MARKET-ENTRY")));
      assertThat(registered.status()).as("registering " + partner + ": " + registered.body()).isEqualTo(201);
    }

    CaseWorkload workload = new CaseWorkload(gateways, officer, supervisor, HAZARD_EVERY);
    long started = System.nanoTime();
    CompletableFuture<List<Driven>> run = CompletableFuture.supplyAsync(() -> {
      try {
        return workload.run(ENTERPRISES, 16);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    int reported = 0;
    boolean killed = false;
    while (!run.isDone()) {
      Thread.sleep(250);
      if (!killed && workload.done() >= KILL_AFTER) {
        for (String app : List.of("enforcement-service", "credit-service", "gateway")) {
          system.instance(app, 1).process().kill();
        }
        killed = true;
        progress(started, "killed enforcement-service-1, credit-service-1 and gateway-1 (SIGKILL) after "
            + workload.done() + " cases");
      }
      if (workload.done() >= reported + 500) {
        reported = workload.done() / 500 * 500;
        progress(started, workload.done() + " / " + ENTERPRISES + " cases approved");
      }
    }
    List<Driven> driven = run.get();
    assertThat(killed).as("the kill happened mid-run").isTrue();
    progress(started, "all " + driven.size() + " cases approved");

    Map<String, Integer> hazards = expectedOverdueRecords(gateways, officer, driven);
    awaitRecords(gateways, officer, driven, hazards);
    progress(started, "every credit record is there");
    Map<String, List<JsonNode>> delivered = awaitPartnerQueues(driven);
    progress(started, "every partner queue has every event");

    for (Driven each : driven) {
      List<JsonNode> records = records(gateways, officer, each.uscc());
      assertThat(records.stream().map(r -> r.get("id").asString()).distinct().count())
          .as("record ids of " + each.uscc()).isEqualTo(records.size());
      assertThat(ofKind(records, "ADMINISTRATIVE_PENALTY")).as("penalty records of " + each.uscc())
          .extracting(r -> r.get("reference").asString()).containsExactly(each.caseId());
      assertThat(ofKind(records, "MAJOR_HAZARD_OVERDUE")).as("overdue-hazard records of " + each.uscc())
          .hasSize(hazards.getOrDefault(each.uscc(), 0));
    }
    for (String partner : PARTNERS) {
      assertThat(eventIds(delivered.get(partner))).as("events in partner." + partner)
          .isEqualTo(eventIds(delivered.get(PARTNERS.get(0))));
      assertThat(deadLetters("partner." + partner + ".dlq")).as("dead letters of " + partner).isZero();
    }
    assertThat(deadLetters("credit-service.enforcement-events.dlq")).as("dead letters of credit's inbox").isZero();
  }

  /** Per enterprise with an inspection: the major hazards enforcement-service holds for it (one unless recorded twice). */
  private static Map<String, Integer> expectedOverdueRecords(Gateways gateways, String officer, List<Driven> driven)
      throws InterruptedException {
    Map<String, Integer> expected = new HashMap<>();
    for (Driven each : driven) {
      if (each.withHazard()) {
        int major = 0;
        for (JsonNode inspection : gateways.read("/api/enforcement/inspections?size=100&uscc=" + each.uscc(), officer)
            .get("items")) {
          for (JsonNode hazard : inspection.get("hazards")) {
            major += hazard.get("level").asString().equals("MAJOR") ? 1 : 0;
          }
        }
        assertThat(major).as("major hazards recorded for " + each.uscc()).isPositive();
        expected.put(each.uscc(), major);
      }
    }
    return expected;
  }

  private static void awaitRecords(Gateways gateways, String officer, List<Driven> driven,
      Map<String, Integer> hazards) throws Exception {
    List<Driven> waiting = new ArrayList<>(driven);
    long deadline = System.nanoTime() + SETTLE.toNanos();
    while (!waiting.isEmpty()) {
      // credit-service takes the events in about the order the cases were approved: each pass stops at
      // the first enterprise not complete yet, so waiting costs few requests while it catches up
      for (Iterator<Driven> each = waiting.iterator(); each.hasNext(); ) {
        Driven next = each.next();
        List<JsonNode> records = records(gateways, officer, next.uscc());
        if (ofKind(records, "ADMINISTRATIVE_PENALTY").isEmpty()
            || ofKind(records, "MAJOR_HAZARD_OVERDUE").size() < hazards.getOrDefault(next.uscc(), 0)) {
          break;
        }
        each.remove();
      }
      if (!waiting.isEmpty()) {
        assertThat(System.nanoTime()).as(waiting.size() + " enterprises still without all their credit records, e.g. "
            + waiting.get(0)).isLessThan(deadline);
        Thread.sleep(500);
      }
    }
  }

  private static List<JsonNode> records(Gateways gateways, String officer, String uscc) throws InterruptedException {
    for (int attempt = 0; attempt < 20; attempt++) {
      Answer answer = gateways.send("GET", "/api/credit/enterprises/" + uscc + "/records", officer, null);
      if (answer.ok()) {
        List<JsonNode> records = new ArrayList<>();
        answer.body().forEach(records::add);
        return records;
      }
      if (answer.status() == 404) {
        return List.of(); // credit-service has not heard of it yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError("the records of " + uscc + " could not be read");
  }

  private static List<JsonNode> ofKind(List<JsonNode> records, String kind) {
    return records.stream().filter(r -> r.get("kind").asString().equals(kind)).toList();
  }

  /**
   * Reads each partner's queue until it holds a rating change for every enterprise and its sequence
   * numbers have no gap (an event held by a killed relay arrives after later ones: the gap closes).
   */
  private static Map<String, List<JsonNode>> awaitPartnerQueues(List<Driven> driven) throws Exception {
    Set<String> enterprises = driven.stream().map(Driven::uscc).collect(Collectors.toSet());
    Map<String, List<JsonNode>> delivered = new HashMap<>();
    PARTNERS.forEach(p -> delivered.put(p, new ArrayList<>()));
    long deadline = System.nanoTime() + SETTLE.toNanos();
    try (Connection connection = RunningSystem.rabbit(system.vhost); Channel channel = connection.createChannel()) {
      while (true) {
        List<String> missing = new ArrayList<>();
        for (String partner : PARTNERS) {
          List<JsonNode> events = delivered.get(partner);
          for (GetResponse message = channel.basicGet("partner." + partner, true); message != null;
              message = channel.basicGet("partner." + partner, true)) {
            events.add(JSON.readTree(new String(message.getBody(), StandardCharsets.UTF_8)));
          }
          Set<String> rated = events.stream().filter(e -> e.get("type").asString().equals("credit.rating.changed"))
              .map(e -> e.get("subject").asString()).collect(Collectors.toSet());
          long unrated = enterprises.stream().filter(u -> !rated.contains(u)).count();
          List<Long> gaps = gaps(events);
          if (unrated > 0 || !gaps.isEmpty()) {
            missing.add("partner." + partner + ": " + unrated + " enterprises without a rating change, sequence gaps "
                + gaps.stream().limit(10).toList());
          }
        }
        if (missing.isEmpty()) {
          return delivered;
        }
        assertThat(System.nanoTime()).as(String.join("; ", missing)).isLessThan(deadline);
        Thread.sleep(2_000);
      }
    }
  }

  /** The sequence numbers missing between the lowest and the highest delivered; each id with one number. */
  private static List<Long> gaps(List<JsonNode> events) {
    Map<String, Long> sequenceOf = new HashMap<>();
    for (JsonNode event : events) {
      long sequence = Long.parseLong(event.get("sequence").asString());
      Long earlier = sequenceOf.putIfAbsent(event.get("id").asString(), sequence);
      assertThat(earlier == null || earlier == sequence).as("event " + event.get("id") + " delivered with two sequence "
          + "numbers").isTrue();
    }
    TreeSet<Long> sequences = new TreeSet<>(sequenceOf.values());
    assertThat(sequences).as("two events with one sequence number").hasSize(sequenceOf.size());
    List<Long> gaps = new ArrayList<>();
    if (!sequences.isEmpty()) {
      for (long s = sequences.first(); s <= sequences.last(); s++) {
        if (!sequences.contains(s)) {
          gaps.add(s);
        }
      }
    }
    return gaps;
  }

  private static Set<String> eventIds(List<JsonNode> events) {
    Set<String> ids = new HashSet<>();
    events.forEach(e -> ids.add(e.get("id").asString()));
    return ids;
  }

  private static long deadLetters(String queue) throws Exception {
    try (Connection connection = RunningSystem.rabbit(system.vhost); Channel channel = connection.createChannel()) {
      return channel.queueDeclarePassive(queue).getMessageCount();
    }
  }

  private static String token(Gateways gateways, String subject, String role, String region)
      throws InterruptedException {
    Answer answer = gateways.send("POST", "/api/dev/tokens", null, Map.of("subject", subject, "roles", List.of(role),
        "region", region));
    assertThat(answer.status()).as("token for " + subject).isEqualTo(201);
    return answer.body().get("token").asString();
  }

  private static void progress(long started, String what) {
    System.out.printf("[scale-out] %5.1f s  %s%n", (System.nanoTime() - started) / 1e9, what);
  }
}
