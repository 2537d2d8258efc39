package cn.worksafety.credit.replay;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.Exchanges;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.platform.testing.QueueProbe;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import cn.worksafety.platform.testing.TestUsccs;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** A department reads back what credit-service published, exactly as it went out. */
class EventReplayApiTest extends CreditIntegrationTest {
  private final String partner = TestTokens.partner("mof");

  @Test
  void theReplayGivesThePublishedEventsInSequenceOrderWithTheirOwnIdsAndPagesOn() {
    List<JsonNode> published = new ArrayList<>();
    try (QueueProbe ratings = QueueProbe.bind(Exchanges.CREDIT, "credit.rating.changed")) {
      for (int i = 0; i < 3; i++) {
        String uscc = TestUsccs.random("110105");
        send(EventType.ENTERPRISE_REGISTERED, uscc, UUID.randomUUID().toString(),
            new EnterpriseRegistered(uscc, "北京回放测试" + i + "有限公司", "110105", "TRADE", "NONE", "VALID", null, null));
        published.add(TestHttp.json(ratings.await(b -> b.contains(uscc), Duration.ofSeconds(10))));
      }
    }
    published.sort(Comparator.comparingLong(EventReplayApiTest::sequence));
    long first = sequence(published.get(0));
    long last = sequence(published.get(2));

    JsonNode page = http.get("/api/credit/events?after=" + (first - 1) + "&limit=1000", partner).json();
    List<JsonNode> replayed = new ArrayList<>();
    page.get("events").forEach(replayed::add);
    assertThat(replayed).extracting(EventReplayApiTest::sequence).as("gap-free, in order")
        .containsExactlyElementsOf(java.util.stream.LongStream.range(first, first + replayed.size()).boxed().toList());
    for (JsonNode event : published) {
      assertThat(replayed).filteredOn(e -> sequence(e) == sequence(event)).singleElement()
          .satisfies(e -> assertThat(e).as("the envelope as published").isEqualTo(event));
    }
    assertThat(page.get("next").asLong()).isGreaterThanOrEqualTo(last);

    JsonNode one = http.get("/api/credit/events?after=" + (first - 1) + "&limit=1", partner).json();
    assertThat(one.get("events")).singleElement().satisfies(e -> assertThat(sequence(e)).isEqualTo(first));
    assertThat(one.get("next").asLong()).isEqualTo(first);
    assertThat(one.get("more").asBoolean()).isTrue();

    JsonNode listingsOnly = http.get("/api/credit/events?after=" + (first - 1) + "&limit=3"
        + "&types=credit.blacklist.entered,credit.blacklist.removed", partner).json();
    assertThat(listingsOnly.get("events").findValuesAsString("type")).as("only the types asked for")
        .allMatch(t -> t.startsWith("credit.blacklist.")).doesNotContain("credit.rating.changed");
    assertThat(listingsOnly.get("next").asLong()).as("the numbers read past all the same").isEqualTo(first + 2);
    JsonNode ratingsOnly = http.get("/api/credit/events?after=" + (first - 1) + "&limit=1000"
        + "&types=credit.rating.changed", partner).json();
    assertThat(ratingsOnly.get("events").findValuesAsString("type")).containsOnly("credit.rating.changed")
        .hasSizeGreaterThanOrEqualTo(3);

    JsonNode beyond = http.get("/api/credit/events?after=" + (last + 1_000_000), TestTokens.admin()).json();
    assertThat(beyond.get("events")).isEmpty();
    assertThat(beyond.get("next").asLong()).isEqualTo(last + 1_000_000);
    assertThat(beyond.get("more").asBoolean()).isFalse();
  }

  @Test
  void badPagesAreRefusedAndOfficersHaveNoReplay() {
    for (String query : List.of("after=-1", "after=abc", "limit=0", "limit=1001", "limit=x",
        "types=enforcement.case.decided", "types=credit.nothing")) {
      TestHttp.Response answer = http.get("/api/credit/events?" + query, partner);
      assertThat(answer.status()).as(query).isEqualTo(400);
      assertThat(answer.json().get("title").asString()).as(query).isNotBlank();
    }
    assertThat(http.get("/api/credit/events", TestTokens.officer("110105")).status()).isEqualTo(403);
    assertThat(http.get("/api/credit/events", null).status()).isEqualTo(401);
  }

  private static long sequence(JsonNode event) {
    return Long.parseLong(event.get("sequence").asString());
  }
}
