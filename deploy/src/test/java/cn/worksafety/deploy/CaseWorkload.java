package cn.worksafety.deploy;

import cn.worksafety.deploy.Gateways.Answer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Officers' work through the gateways: per enterprise, its registration and one penalty case taken
 * from filing to the supervisor's approval; every {@code hazardEvery}-th enterprise also gets an
 * inspection that found a major hazard already past its deadline (the overdue sweep's work).
 *
 * <p>A change whose answer was lost (an instance died under it) is checked, not blindly repeated: a
 * case step is repeated only while the case has not reached the step's state. Filing a case or
 * recording an inspection may then happen twice, as it would for a real officer; the checks count
 * what enforcement-service holds, not what was sent.
 */
final class CaseWorkload {
  private static final List<String> STATES = List.of("FILED", "INVESTIGATING", "NOTIFIED", "DECIDED", "APPROVED");
  private static final int ATTEMPTS = 30;

  /** One enterprise and the case taken to approval for it. */
  record Driven(String uscc, String caseId, boolean withHazard) {}

  private final Gateways gateways;
  private final String officer;
  private final String supervisor;
  private final int hazardEvery;
  private final AtomicInteger done = new AtomicInteger();
  private final List<Driven> driven = Collections.synchronizedList(new ArrayList<>());

  CaseWorkload(Gateways gateways, String officer, String supervisor, int hazardEvery) {
    this.gateways = gateways;
    this.officer = officer;
    this.supervisor = supervisor;
    this.hazardEvery = hazardEvery;
  }

  int done() {
    return done.get();
  }

  /** Drives {@code enterprises} enterprises on {@code threads} threads; returns what was driven. */
  List<Driven> run(int enterprises, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> work = new ArrayList<>();
      for (int i = 0; i < enterprises; i++) {
        int number = i;
        work.add(pool.submit(() -> {
          driven.add(drive(number));
          done.incrementAndGet();
          return null;
        }));
      }
      for (Future<?> each : work) {
        each.get();
      }
    } finally {
      pool.shutdownNow();
    }
    return List.copyOf(driven);
  }

  private Driven drive(int number) throws InterruptedException {
    String uscc = RunningSystem.newUscc("440300");
    change("POST", "/api/enforcement/enterprises", officer, Map.of("uscc", uscc,
        "name", "深圳市扩容测试制造有限公司" + uscc.substring(10), "region", "440300", "industry", "HAZARDOUS_CHEMICALS",
        "standardizationGrade", "NONE"), 201, 409);
    boolean withHazard = number % hazardEvery == 0;
    if (withHazard) {
      OffsetDateTime inspected = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(10);
      change("POST", "/api/enforcement/inspections", officer, Map.of("uscc", uscc, "inspectedAt", inspected.toString(),
          "officers", List.of("officer-scale", "officer-scale-2"), "findings", "储罐区检查",
          "hazards", List.of(Map.of("description", "液氨储罐区未设置泄漏报警装置", "level", "MAJOR",
              "deadline", inspected.toLocalDate().plusDays(5).toString()))), 201);
    }
    String caseId = change("POST", "/api/enforcement/cases", officer, Map.of("uscc", uscc,
        "title", "未按规定开展安全生产教育和培训", "officers", List.of("officer-scale", "officer-scale-2")), 201)
        .body().get("id").asString();
    step(caseId, "investigation", officer, Map.of(), "INVESTIGATING");
    step(caseId, "notice", officer, Map.of("proposedPenalties", List.of(Map.of("kind", "FINE", "amount", "50000.00")),
        "defenceWaived", true), "NOTIFIED");
    step(caseId, "decision", officer, Map.of("violationCodes", List.of("AQSC-099-3"),
        "penalties", List.of(Map.of("kind", "FINE", "amount", "50000.00")),
        "legalBasis", "《中华人民共和国安全生产法》第九十九条"), "DECIDED");
    step(caseId, "approval", supervisor, Map.of(), "APPROVED");
    return new Driven(uscc, caseId, withHazard);
  }

  /** A change repeated while its outcome is unknown, until it answers one of {@code accepted}. */
  private Answer change(String method, String path, String token, Object body, int... accepted)
      throws InterruptedException {
    Answer answer = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      answer = gateways.send(method, path, token, body);
      for (int status : accepted) {
        if (answer.status() == status) {
          return answer;
        }
      }
      if (!answer.unsure()) {
        break;
      }
      pause();
    }
    throw new AssertionError(method + " " + path + " → " + answer.status() + " " + answer.body());
  }

  /** One step of the case's procedure, done once: repeated only while the case has not reached {@code after}. */
  private void step(String caseId, String step, String token, Object body, String after) throws InterruptedException {
    Answer answer = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      answer = gateways.send("POST", "/api/enforcement/cases/" + caseId + "/" + step, token, body);
      if (answer.ok()) {
        return;
      }
      // 409: out of order (the lost answer's step was applied after all) or a concurrent change
      if (!answer.unsure() && answer.status() != 409) {
        break;
      }
      String state = gateways.read("/api/enforcement/cases/" + caseId, token).get("state").asString();
      if (STATES.indexOf(state) >= STATES.indexOf(after)) {
        return;
      }
      pause();
    }
    throw new AssertionError(step + " of " + caseId + " → " + answer.status() + " " + answer.body());
  }

  private static void pause() throws InterruptedException {
    Thread.sleep(Duration.ofMillis(300).toMillis());
  }
}
