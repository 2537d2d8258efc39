package cn.worksafety.credit.publicquery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.credit.creditfile.application.CreditFiles;
import cn.worksafety.credit.creditfile.infrastructure.CreditFileDocuments;
import cn.worksafety.credit.creditfile.infrastructure.MongoCreditFiles;
import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.Profile;
import cn.worksafety.credit.creditfile.model.RatingChangedEvent;
import cn.worksafety.credit.creditfile.model.RegisteredName;
import cn.worksafety.credit.publicquery.application.NameIndexing;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import cn.worksafety.platform.testing.TestUsccs;
import com.mongodb.client.MongoDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import tools.jackson.databind.JsonNode;

/**
 * The name index built at start from what the store already holds. The walk is held at a gate after
 * it has read the store and before it writes the index, so the test sees the search while it is
 * built, and an event that arrives meanwhile, without depending on timing.
 */
@Import(NameIndexBuildTest.GatedWalk.class)
class NameIndexBuildTest extends CreditIntegrationTest {
  private static final String PART = "嘉兴" + UUID.randomUUID().toString().substring(0, 6);
  private static final String RENAMED = TestUsccs.random("330400");
  private static final String KEPT = TestUsccs.random("330400");
  private static final CountDownLatch READ = new CountDownLatch(1);
  private static final CountDownLatch OPEN = new CountDownLatch(1);

  @Autowired
  NameIndexing indexing;

  @AfterAll
  static void openTheGate() {
    OPEN.countDown();
  }

  @Test
  void theIndexBuiltAtStartFindsWhatTheStoreHeldAndAnEventThatCameMeanwhileWins() throws Exception {
    assertThat(READ.await(30, TimeUnit.SECONDS)).as("the walk read the store").isTrue();

    TestHttp.Response building = http.get("/api/public/enterprises?q=" + encode(PART), null);
    assertThat(building.status()).as(building.toString()).isEqualTo(503);
    assertThat(building.header("Content-Type")).startsWith("application/problem+json");
    assertThat(building.json().get("type").asString()).endsWith("/search-index-building");
    assertThat(Long.parseLong(building.header("Retry-After"))).isBetween(1L, 60L);
    assertThat(building.json().get("progress").get("percent").asInt()).isBetween(0, 100);
    assertThat(building.json().get("progress").get("expected").asLong()).isEqualTo(2);
    TestHttp.Response suggesting = http.get("/api/public/enterprises/suggestions?q=" + encode(PART), null);
    assertThat(suggesting.status()).isEqualTo(503);
    assertThat(suggesting.header("Retry-After")).isNotNull();
    assertThat(http.get("/api/public/enterprises/" + KEPT, null).status()).as("a lookup by code answers")
        .isEqualTo(200);
    assertThat(health().get("searchable").asBoolean()).isFalse();

    long applied = indexing.status().eventsApplied();
    send(EventType.ENTERPRISE_UPDATED, RENAMED, UUID.randomUUID().toString(), new EnterpriseRegistered(RENAMED,
        PART + "新名纺织有限公司", "330400", "TEXTILES", "NONE", "VALID", null, null));
    long deadline = System.currentTimeMillis() + 10_000;
    while (indexing.status().eventsApplied() == applied && System.currentTimeMillis() < deadline) {
      sleep();
    }
    assertThat(indexing.status().eventsApplied()).as("the event reached the index during the build")
        .isGreaterThan(applied);

    OPEN.countDown();
    assertThat(awaitStatus("/api/public/enterprises?q=" + encode(PART), 200)).isTrue();
    assertThat(usccs(PART + "印染")).as("built from the store").containsExactly(KEPT);
    assertThat(usccs(PART + "新名")).as("the newer name from the event").containsExactly(RENAMED);
    assertThat(usccs(PART + "旧名")).as("not the older name the walk had read").isEmpty();
    assertThat(http.get("/api/public/enterprises?q=" + encode(PART), null).json().get("total").asLong())
        .isEqualTo(2);
    JsonNode health = health();
    assertThat(health.get("searchable").asBoolean()).isTrue();
    assertThat(health.get("documents").asLong()).isEqualTo(2);
    assertThat(health.get("eventsApplied").asLong()).isGreaterThanOrEqualTo(1);
  }

  private List<String> usccs(String q) {
    return http.get("/api/public/enterprises?q=" + encode(q), null).json().get("items").valueStream()
        .map(i -> i.get("uscc").asString()).toList();
  }

  private JsonNode health() {
    TestHttp.Response health = http.get("/actuator/health", TestTokens.admin());
    assertThat(health.status()).as(health.toString()).isEqualTo(200);
    return health.json().get("components").get("nameIndex").get("details");
  }

  private static CreditFile file(String uscc, String name) {
    return new CreditFile(uscc, new Profile(name, "330400", "TEXTILES", "NONE", "VALID"), 5, List.of(), List.of(),
        null, List.of(), 1);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /**
   * The store holding two registered enterprises before the service starts its walk, which waits at
   * the gate once it has read them.
   */
  @TestConfiguration
  static class GatedWalk {
    @Bean
    @Primary
    CreditFiles gatedCreditFiles(MongoCreditFiles store, MongoDatabase database) {
      var files = database.getCollection("credit_files");
      files.insertOne(CreditFileDocuments.toDocument(file(RENAMED, PART + "旧名纺织有限公司")));
      files.insertOne(CreditFileDocuments.toDocument(file(KEPT, PART + "印染有限公司")));
      return new CreditFiles() {
        @Override
        public Stream<RegisteredName> registeredNames() {
          List<RegisteredName> read;
          try (Stream<RegisteredName> names = store.registeredNames()) {
            read = names.toList();
          }
          READ.countDown();
          try {
            OPEN.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return read.stream();
        }

        @Override
        public Optional<CreditFile> find(String uscc) {
          return store.find(uscc);
        }

        @Override
        public boolean save(CreditFile changed, Optional<RatingChangedEvent> ratingChanged) {
          return store.save(changed, ratingChanged);
        }

        @Override
        public void forEachIn(String region, Consumer<CreditFile> action) {
          store.forEachIn(region, action);
        }

        @Override
        public Stream<CreditFile> inUsccOrderAfter(String afterUscc, int batchSize) {
          return store.inUsccOrderAfter(afterUscc, batchSize);
        }

        @Override
        public long count() {
          return store.count();
        }

        @Override
        public Map<String, CreditFile> findAll(Collection<String> usccs) {
          return store.findAll(usccs);
        }
      };
    }
  }
}
