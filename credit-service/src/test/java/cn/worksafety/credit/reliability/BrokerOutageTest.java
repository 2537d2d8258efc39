package cn.worksafety.credit.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.credit.CreditIntegrationTest;
import cn.worksafety.credit.blacklist.ListingDriver;
import cn.worksafety.platform.testing.BrokerControl;
import cn.worksafety.platform.testing.TestHttp;
import cn.worksafety.platform.testing.TestTokens;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The broker stops while supervisors decide and officers publish listings, and starts again: every
 * credit event the service committed reaches every partner queue bound to it, and a message that
 * came twice is the same event (same {@code id}, same {@code sequence}).
 */
class BrokerOutageTest extends CreditIntegrationTest {
  private static final int LISTINGS = 6;
  private static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.ofHours(8));
  private static final String ADMIN = TestTokens.admin();

  @Test
  void listingsPublishedWhileTheBrokerIsDownReachEveryPartnerQueueWhenItIsBack() throws Exception {
    ListingDriver listings = new ListingDriver(http, this::send);
    List<String> partners = List.of(code(), code());
    partners.forEach(this::register);
    try {
      long before = lastSequence();
      List<String> proposals = new ArrayList<>();
      for (int i = 0; i < LISTINGS; i++) {
        String uscc = listings.registered();
        listings.decided(uscc, "case-" + UUID.randomUUID(), "AQXK-19", NOW.minusDays(30));
        proposals.add(listings.awaitProposal(uscc).get("id").asString());
      }

      try {
        for (int i = 0; i < LISTINGS; i++) {
          if (i == LISTINGS / 2) {
            BrokerControl.stop();
          }
          listings.publish(proposals.get(i), NOW.minusDays(25), NOW.minusDays(5));
        }
      } finally {
        BrokerControl.start();
      }

      List<JsonNode> committed = awaitLogged(before, proposals);
      Set<String> expected = committed.stream().map(e -> e.get("id").asString()).collect(Collectors.toSet());
      for (String partner : partners) {
        List<String> received = PartnerQueues.drainUntil("partner." + partner, expected, BrokerOutageTest::id, 90_000);
        assertThat(received.stream().map(BrokerOutageTest::id).collect(Collectors.toSet()))
            .as("every committed event in partner." + partner).containsAll(expected);
        PartnerQueues.repeated(received, BrokerOutageTest::id).forEach((id, copies) ->
            assertThat(copies.stream().map(m -> TestHttp.json(m).get("sequence").asString()).distinct())
                .as("copies of " + id + " are the same event").hasSize(1));
      }
    } finally {
      partners.forEach(p -> http.send("DELETE", "/api/credit/partners/" + p, ADMIN, null, Map.of()));
    }
  }

  /** The events logged after {@code before}, once the entered event of every listing is among them. */
  private List<JsonNode> awaitLogged(long before, List<String> entries) {
    long deadline = System.currentTimeMillis() + 90_000;
    List<JsonNode> logged = List.of();
    while (System.currentTimeMillis() < deadline) {
      logged = eventsAfter(before);
      Set<String> entered = logged.stream().filter(e -> e.get("type").asString().equals("credit.blacklist.entered"))
          .map(e -> e.get("data").get("entryId").asString()).collect(Collectors.toSet());
      if (entered.containsAll(entries)) {
        return logged;
      }
      sleep();
    }
    throw new AssertionError("not every listing's entered event was published; logged: " + logged.size());
  }

  private List<JsonNode> eventsAfter(long after) {
    List<JsonNode> events = new ArrayList<>();
    JsonNode page;
    do {
      page = http.get("/api/credit/events?limit=1000&after=" + after, ADMIN).json();
      page.get("events").forEach(events::add);
      after = page.get("next").asLong();
    } while (page.get("more").asBoolean());
    return events;
  }

  private long lastSequence() {
    List<JsonNode> all = eventsAfter(0);
    return all.isEmpty() ? 0 : Long.parseLong(all.get(all.size() - 1).get("sequence").asString());
  }

  private void register(String code) {
    TestHttp.Response created = http.post("/api/credit/partners", ADMIN, Map.of("code", code, "name", "部门" + code,
        "measures", List.of()));
    assertThat(created.status()).as(created.toString()).isEqualTo(201);
  }

  private static String code() {
    return "t" + UUID.randomUUID().toString().substring(0, 8);
  }

  private static String id(String message) {
    return TestHttp.json(message).get("id").asString();
  }
}
