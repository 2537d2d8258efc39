package cn.worksafety.enforcement.inspection;

import static cn.worksafety.enforcement.inspection.InspectionApiTest.daysAgo;
import static cn.worksafety.enforcement.inspection.InspectionApiTest.hazard;
import static cn.worksafety.enforcement.inspection.InspectionApiTest.inspection;
import static cn.worksafety.enforcement.inspection.InspectionApiTest.today;
import static cn.worksafety.enforcement.inspection.InspectionApiTest.verification;
import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.Exchanges;
import cn.worksafety.enforcement.EnforcementIntegrationTest;
import cn.worksafety.enforcement.inspection.application.HazardOverdueSweep;
import cn.worksafety.enforcement.inspection.infrastructure.HazardOverdueSchedule;
import cn.worksafety.platform.testing.QueueProbe;
import cn.worksafety.platform.testing.TestHttp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The overdue-hazard job against the real broker: each overdue hazard is announced once, whatever runs it. */
class HazardOverdueJobTest extends EnforcementIntegrationTest {
  private static final String PATH = "/api/enforcement/inspections";
  private static final String ROUTING_KEY = "enforcement.hazard.overdue";

  @Autowired
  HazardOverdueSweep sweep;
  @Autowired
  HazardOverdueSchedule schedule;
  @Autowired
  LockProvider leases;

  /** An inspection 30 days ago: H-1 major, due 10 days ago; H-2 due 10 days ago but rectified; H-3 not yet due. */
  private String[] inspectionWithOneOverdueHazard() {
    String uscc = registerEnterprise(SHENZHEN, officer);
    String id = expect(http.post(PATH, officer, inspection(uscc, daysAgo(30), List.of(
        hazard("MAJOR", today().minusDays(10)), hazard("ORDINARY", today().minusDays(10)),
        hazard("ORDINARY", today().plusDays(10))))), 201).json().get("id").asString();
    expect(http.post(PATH + "/" + id + "/hazards/H-2/verification", officer, verification("RECTIFIED", daysAgo(12))),
        200);
    return new String[] {id, uscc};
  }

  @Test
  void anOverdueHazardIsAnnouncedOnceHoweverOftenTheSweepRuns() {
    try (QueueProbe probe = QueueProbe.bind(Exchanges.ENFORCEMENT, ROUTING_KEY)) {
      String[] created = inspectionWithOneOverdueHazard();
      String id = created[0];
      sweep.sweep();
      sweep.sweep();

      List<JsonNode> announced = announcementsOf(probe, Set.of(id));
      assertThat(announced).hasSize(1);
      JsonNode event = announced.get(0);
      assertThat(event.get("type").asString()).isEqualTo(ROUTING_KEY);
      assertThat(event.get("subject").asString()).isEqualTo(created[1]);
      JsonNode data = event.get("data");
      assertThat(data.get("inspectionId").asString()).isEqualTo(id);
      assertThat(data.get("hazardId").asString()).isEqualTo("H-1");
      assertThat(data.get("uscc").asString()).isEqualTo(created[1]);
      assertThat(data.get("region").asString()).isEqualTo(SHENZHEN);
      assertThat(data.get("major").asBoolean()).isTrue();
      assertThat(data.get("level").asString()).isEqualTo("MAJOR");
      assertThat(data.get("deadline").asString()).isEqualTo(today().minusDays(10).toString());
      assertThat(data.get("description").asString()).isNotBlank();

      JsonNode stored = http.get(PATH + "/" + id, officer).json();
      assertThat(stored.get("hazards").get(0).get("overdueAnnouncedAt").isNull()).isFalse();
      assertThat(stored.get("hazards").get(1).get("overdueAnnouncedAt").isNull()).as("rectified").isTrue();
      assertThat(stored.get("hazards").get(2).get("overdueAnnouncedAt").isNull()).as("not yet due").isTrue();
      JsonNode entries = http.get(PATH + "/" + id + "/history", officer).json().get("entries");
      JsonNode last = entries.get(entries.size() - 1);
      assertThat(last.get("action").asString()).isEqualTo("overdue-announcement");
      assertThat(last.get("by").asString()).isEqualTo("system");
      assertThat(entries.findValuesAsString("action")).containsOnlyOnce("overdue-announcement");
    }
  }

  @Test
  void twoSweepsRacingAnnounceEachHazardOnce() throws Exception {
    try (QueueProbe probe = QueueProbe.bind(Exchanges.ENFORCEMENT, ROUTING_KEY)) {
      sweep.sweep(); // what other tests left overdue, so each round counts only its own hazard
      ExecutorService replicas = Executors.newFixedThreadPool(2);
      List<String> ids = new ArrayList<>();
      try {
        for (int round = 0; round < 4; round++) {
          ids.add(inspectionWithOneOverdueHazard()[0]);
          CyclicBarrier start = new CyclicBarrier(2);
          List<Future<Integer>> runs = new ArrayList<>();
          for (int replica = 0; replica < 2; replica++) {
            runs.add(replicas.submit(() -> {
              start.await();
              return sweep.sweep();
            }));
          }
          int total = 0;
          for (Future<Integer> run : runs) {
            total += run.get();
          }
          assertThat(total).as("hazards announced by both runs of round " + round).isEqualTo(1);
        }
      } finally {
        replicas.shutdownNow();
      }

      List<JsonNode> announced = announcementsOf(probe, Set.copyOf(ids));
      assertThat(announced.stream().map(e -> e.get("data").get("inspectionId").asString()
          + "/" + e.get("data").get("hazardId").asString()).collect(Collectors.toList()))
          .containsExactlyInAnyOrderElementsOf(ids.stream().map(id -> id + "/H-1").toList());
    }
  }

  @Test
  void theScheduledRunWaitsForTheLeaseAnotherReplicaHolds() {
    try (QueueProbe probe = QueueProbe.bind(Exchanges.ENFORCEMENT, ROUTING_KEY)) {
      Optional<SimpleLock> held = leases.lock(new LockConfiguration(Instant.now(), "hazard-overdue-sweep",
          Duration.ofMinutes(1), Duration.ZERO));
      assertThat(held).isPresent();
      String id = inspectionWithOneOverdueHazard()[0];
      try {
        schedule.run();
        assertThat(announcementsOf(probe, Set.of(id))).isEmpty();
      } finally {
        held.get().unlock();
      }
      schedule.run();
      assertThat(announcementsOf(probe, Set.of(id))).hasSize(1);
    }
  }

  /** What arrives for these inspections within a few seconds, so a second announcement would show. */
  private static List<JsonNode> announcementsOf(QueueProbe probe, Set<String> inspectionIds) {
    return probe.drain(Duration.ofSeconds(3)).stream().map(TestHttp::json)
        .filter(e -> inspectionIds.contains(e.get("data").get("inspectionId").asString())).toList();
  }
}
