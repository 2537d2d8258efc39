package cn.worksafety.credit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.contracts.events.NamedPerson;
import cn.worksafety.contracts.events.Penalty;
import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.platform.testing.BrokerCleanup;
import cn.worksafety.platform.testing.EmbeddedMongo;
import cn.worksafety.platform.testing.TestTokens;
import cn.worksafety.platform.testing.TestUsccs;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/**
 * credit-service is killed (SIGKILL) while it works through a backlog of enforcement events, each
 * decision delivered twice; another instance takes over the queue. No credit record is doubled and
 * no case is proposed for the list twice.
 */
class CrashDuringConsumptionTest extends CreditIntegrationTest {
  private static final int ENTERPRISES = 150;
  private static final String REGION = "440300";
  private static final OffsetDateTime DECIDED = OffsetDateTime.now(ZoneOffset.ofHours(8)).minusDays(10);

  @Test
  void killingCreditServiceMidConsumptionDoublesNoRecordAndProposesNoCaseTwice() throws Exception {
    String name = "crash-" + UUID.randomUUID().toString().substring(0, 8);
    String queue = BrokerCleanup.deleteOnExit("credit-service." + name);
    BrokerCleanup.deleteOnExit(queue + ".dlq");
    String uri = EmbeddedMongo.uri("credit");
    Map<String, String> properties = Map.of("spring.mongodb.uri", uri, "spring.mongodb.database", name,
        "app.inbox.queue", queue, "app.security.jwt.hmac-secret", TestTokens.SECRET);

    try (MongoClient client = MongoClients.create(uri)) {
      MongoDatabase store = client.getDatabase(name);
      Map<String, String> caseOf = new HashMap<>();
      // a first start declares the inbox queue; the events then wait there as a backlog
      CreditServiceProcess.start(name + "-declare", properties).close();
      for (int i = 0; i < ENTERPRISES; i++) {
        String uscc = TestUsccs.random(REGION);
        caseOf.put(uscc, "case-" + UUID.randomUUID());
        send(EventType.ENTERPRISE_REGISTERED, uscc, UUID.randomUUID().toString(), new EnterpriseRegistered(uscc,
            "深圳市测试化工有限公司" + i, REGION, "HAZARDOUS_CHEMICALS", "NONE", "VALID", null,
            new NamedPerson("张某", "110***********7777")));
      }
      caseOf.forEach((uscc, caseId) -> {
        for (int copy = 0; copy < 2; copy++) {
          send(EventType.CASE_DECIDED, uscc, "decided-" + caseId, new CaseDecided(caseId, uscc, REGION,
              List.of("AQXK-19"), List.of(new Penalty("FINE", new BigDecimal("50000"), null)), DECIDED, "依法"));
        }
      });

      try (CreditServiceProcess first = CreditServiceProcess.start(name + "-first", properties)) {
        long recorded = awaitFilesWithRecords(store, ENTERPRISES / 10);
        first.kill();
        assertThat(recorded).as("killed while consuming, not after").isLessThan(ENTERPRISES);
      }

      try (CreditServiceProcess second = CreditServiceProcess.start(name + "-second", properties)) {
        awaitFilesWithRecords(store, ENTERPRISES);
        awaitListings(store, ENTERPRISES);
      }

      List<String> doubled = new ArrayList<>();
      for (Document file : store.getCollection("credit_files").find()) {
        List<Document> records = file.getList("records", Document.class);
        if (records.size() != 1) {
          doubled.add(file.getString("_id") + " has " + records.size() + " records");
        }
      }
      assertThat(doubled).as("one decision, one record").isEmpty();
      Map<String, Integer> proposalsPerCase = new HashMap<>();
      for (Document listing : store.getCollection("blacklist").find()) {
        proposalsPerCase.merge(listing.get("proposal", Document.class).getString("caseId"), 1, Integer::sum);
      }
      assertThat(proposalsPerCase).hasSize(ENTERPRISES).containsOnlyKeys(caseOf.values())
          .allSatisfy((caseId, count) -> assertThat(count).as(caseId).isEqualTo(1));
    }
  }

  private static long awaitFilesWithRecords(MongoDatabase store, int atLeast) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    long count = 0;
    while (System.currentTimeMillis() < deadline) {
      count = 0;
      for (Document file : store.getCollection("credit_files").find().projection(new Document("records", 1))) {
        count += file.getList("records", Document.class, List.of()).isEmpty() ? 0 : 1;
      }
      if (count >= atLeast) {
        return count;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("only " + count + " credit files have their record, not " + atLeast);
  }

  private static void awaitListings(MongoDatabase store, int count) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 60_000;
    while (store.getCollection("blacklist").countDocuments() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
  }
}
