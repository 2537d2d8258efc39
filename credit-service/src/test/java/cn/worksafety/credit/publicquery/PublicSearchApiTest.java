package cn.worksafety.credit.publicquery;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.credit.creditfile.infrastructure.CreditFileDocuments;
import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.Profile;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestUsccs;
import com.mongodb.client.MongoDatabase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import tools.jackson.databind.JsonNode;

/**
 * The public name search and suggestions over HTTP, fed by enterprise events published to the real
 * broker. Names are made of random Chinese characters, so that what other tests register on the same
 * exchange never answers these searches.
 */
class PublicSearchApiTest extends CreditIntegrationTest {
  private static final String SEARCH = "/api/public/enterprises";

  @Autowired
  MongoDatabase store;

  @Autowired
  CachingConnectionFactory connections;

  @Autowired
  AmqpAdmin admin;

  @Autowired
  @Qualifier("nameIndexQueue")
  Queue nameIndexQueue;

  @Test
  void aRegisteredEnterpriseIsFoundByAPartOfItsNameAndByTheStartOfItsCodeWithItsGradeAndScoreBand() {
    String part = chinese(4);
    String uscc = register("杭州" + part + "化工有限公司");

    JsonNode byName = awaitSearch("q=" + encode(part.substring(1, 3)), r -> uscc(r).contains(uscc));
    JsonNode row = byName.get("items").valueStream().filter(i -> i.get("uscc").asString().equals(uscc)).findFirst()
        .orElseThrow();
    assertThat(row.get("name").asString()).isEqualTo("杭州" + part + "化工有限公司");
    assertThat(row.get("region").asString()).isEqualTo("330100");
    assertThat(row.get("grade").asString()).isEqualTo("A");
    assertThat(row.get("scoreBand").asString()).isEqualTo("100–109");
    assertThat(row.has("score")).as("the public sees the band, not the score").isFalse();

    JsonNode byCode = search("q=" + uscc.substring(0, 12).toLowerCase());
    assertThat(uscc(byCode)).contains(uscc);
    JsonNode byWholeCode = search("q=" + uscc);
    assertThat(uscc(byWholeCode)).containsExactly(uscc);
    assertThat(byWholeCode.get("total").asLong()).isEqualTo(1);
  }

  @Test
  void theEqualNameComesFirstThenNamesStartingWithThenContainingItWhateverTheirLength() {
    String part = chinese(3);
    String containing = register("宁波" + part + "厂");
    String starting = register(part + "机械制造有限公司");
    String equal = register(part);

    JsonNode found = awaitSearch("q=" + encode(part), r -> r.get("total").asLong() == 3);
    assertThat(uscc(found)).containsExactly(equal, starting, containing);
  }

  @Test
  void pagesFollowOneAnotherWithTheTotalAndSuggestionsComeInTheSameOrder() {
    String part = chinese(3);
    List<String> registered = new ArrayList<>();
    for (int i = 0; i < 23; i++) {
      registered.add(register("温州" + part + "甲".repeat(i % 4) + "鞋业有限公司"));
    }
    awaitSearch("q=" + encode(part), r -> r.get("total").asLong() == 23);

    List<String> paged = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      JsonNode answer = search("q=" + encode(part) + "&page=" + page + "&size=10");
      assertThat(answer.get("total").asLong()).isEqualTo(23);
      assertThat(answer.get("page").asInt()).isEqualTo(page);
      assertThat(answer.get("size").asInt()).isEqualTo(10);
      paged.addAll(uscc(answer));
    }
    assertThat(paged).hasSize(23).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(registered);

    TestHttp.Response suggestions = http.get(SEARCH + "/suggestions?q=" + encode(part) + "&limit=5", null);
    assertThat(suggestions.status()).as(suggestions.toString()).isEqualTo(200);
    assertThat(suggestions.json().valueStream().map(s -> s.get("uscc").asString()).toList())
        .containsExactlyElementsOf(paged.subList(0, 5));
    assertThat(suggestions.json().get(0).propertyNames()).containsExactlyInAnyOrder("uscc", "name");
    assertThat(http.get(SEARCH + "/suggestions?q=" + encode(part), null).json().size()).as("8 by default")
        .isEqualTo(8);
  }

  @Test
  void whenItsConnectionAndSoItsQueueIsLostTheIndexWalksTheStoreForWhatItMayHaveMissed() {
    assertCatchesUpAfter(connections::resetConnection);
  }

  @Test
  void whenItsQueueIsDeletedAnotherIsDeclaredAndTheIndexWalksTheStore() {
    assertCatchesUpAfter(() -> admin.deleteQueue(nameIndexQueue.getActualName()));
  }

  private void assertCatchesUpAfter(Runnable queueLost) {
    awaitSearch("q=" + encode(chinese(2)), r -> true);
    String part = chinese(4);
    String missed = TestUsccs.random("330100");
    // as if the inbox had stored a registration this replica's queue never saw
    store.getCollection("credit_files").insertOne(CreditFileDocuments.toDocument(new CreditFile(missed,
        new Profile(part + "电器有限公司", "330100", "MACHINERY", "NONE", "VALID"), 1, List.of(), List.of(), null,
        List.of(), 1)));
    assertThat(search("q=" + encode(part)).get("total").asLong()).as("no walk since it was stored").isZero();

    String lost = nameIndexQueue.getActualName();
    queueLost.run();

    awaitSearch("q=" + encode(part), r -> uscc(r).contains(missed));
    assertThat(nameIndexQueue.getActualName()).as("a new queue of its own").isNotEqualTo(lost);
    String registered = register(part + "空调有限公司");
    awaitSearch("q=" + encode(part), r -> uscc(r).contains(registered));
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertRefused(SEARCH + "/suggestions", "q");
    assertRefused(SEARCH + "/suggestions?q=%20%20", "q");
    assertRefused(SEARCH + "/suggestions?q=" + "安".repeat(101), "q");
    assertRefused(SEARCH + "/suggestions?q=ab&limit=0", "limit");
    assertRefused(SEARCH + "/suggestions?q=ab&limit=21", "limit");
    assertRefused(SEARCH + "/suggestions?q=ab&limit=many", "limit");
    assertRefused(SEARCH + "?q=" + "x".repeat(101), "q");
    assertRefused(SEARCH + "?size=500", "size");
    assertRefused(SEARCH + "?q=ab&page=101&size=100", "page");
    assertThat(http.get(SEARCH + "/suggestions?q=" + encode("{\"$where\": 1}") + "&limit=20", null).status())
        .isEqualTo(200);
    assertThat(http.get(SEARCH + "?q=%24where", null).status()).isEqualTo(200);
  }

  private void assertRefused(String path, String field) {
    TestHttp.Response answer = http.get(path, null);
    assertThat(answer.status()).as(path + " → " + answer).isEqualTo(400);
    assertThat(answer.header("Content-Type")).startsWith("application/problem+json");
    assertThat(answer.json().get("errors").findValuesAsString("field")).as(answer.toString()).containsExactly(field);
  }

  private String register(String name) {
    String uscc = TestUsccs.random("330100");
    send(EventType.ENTERPRISE_REGISTERED, uscc, UUID.randomUUID().toString(),
        new EnterpriseRegistered(uscc, name, "330100", "MACHINERY", "NONE", "VALID", null, null));
    return uscc;
  }

  private JsonNode search(String query) {
    TestHttp.Response answer = http.get(SEARCH + "?" + query, null);
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    return answer.json();
  }

  /** The search once it answers as {@code expected}: the index is fed by events, and the rows rated from the store. */
  private JsonNode awaitSearch(String query, Predicate<JsonNode> expected) {
    long deadline = System.currentTimeMillis() + 10_000;
    TestHttp.Response answer = http.get(SEARCH + "?" + query, null);
    while (!(answer.status() == 200 && expected.test(answer.json())) && System.currentTimeMillis() < deadline) {
      sleep();
      answer = http.get(SEARCH + "?" + query, null);
    }
    assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
    assertThat(expected.test(answer.json())).as(answer.toString()).isTrue();
    return answer.json();
  }

  private static List<String> uscc(JsonNode page) {
    return page.get("items").valueStream().map(i -> i.get("uscc").asString()).toList();
  }

  /** Characters no other test's names are made of, in all likelihood. */
  private static String chinese(int length) {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < length; i++) {
      text.append((char) ThreadLocalRandom.current().nextInt(0x5000, 0x9000));
    }
    return text.toString();
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
