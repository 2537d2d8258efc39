package cn.worksafety.deploy;

import static cn.worksafety.deploy.RunningSystem.JSON;
import static cn.worksafety.deploy.RunningSystem.await;
import static cn.worksafety.deploy.RunningSystem.exchange;
import static cn.worksafety.deploy.RunningSystem.get;
import static cn.worksafety.deploy.RunningSystem.newUscc;
import static cn.worksafety.deploy.RunningSystem.post;
import static cn.worksafety.deploy.RunningSystem.proposalFor;
import static cn.worksafety.deploy.RunningSystem.rabbit;
import static cn.worksafety.deploy.RunningSystem.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.GetResponse;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

/**
 * The first path, end to end: everything goes through the gateway of the {@link RunningSystem} as a
 * user's requests would.
 */
@ExtendWith(RunningSystem.class)
class EndToEndIT {

  @Test
  void anApprovedDecisionBecomesANewGradeOnThePublicPageAndACreditEvent() throws Exception {
    try (Connection connection = rabbit(); Channel channel = connection.createChannel()) {
      String probe = channel.queueDeclare().getQueue();
      channel.queueBind(probe, "credit.events", "credit.rating.changed");

      String token = post("/api/dev/tokens", null,
          Map.of("subject", "officer-e2e", "roles", List.of("OFFICER"), "region", "440300"), 201).get("token").asString();
      String uscc = newUscc("440300");
      String name = "深圳市端到端化工有限公司" + uscc.substring(12);

      JsonNode refused = send("POST", "/api/enforcement/enterprises", token, Map.of("uscc",
          uscc.substring(0, 17) + (uscc.charAt(17) == '0' ? '1' : '0'), "name", name, "region", "440300",
          "industry", "HAZARDOUS_CHEMICALS"), 400);
      assertThat(refused.get("errors").get(0).get("field").asString()).isEqualTo("uscc");

      post("/api/enforcement/enterprises", token, Map.of("uscc", uscc, "name", name, "region", "440300",
          "industry", "HAZARDOUS_CHEMICALS", "standardizationGrade", "NONE",
          "licence", Map.of("status", "VALID", "number", "(粤)WH安许证字[2024]000123号", "validUntil", "2027-06-30")), 201);
      String caseId = post("/api/enforcement/cases", token, Map.of("uscc", uscc, "title", "未按规定开展安全生产教育和培训",
          "officers", List.of("officer-e2e", "officer-e2e-2")), 201).get("id").asString();
      post("/api/enforcement/cases/" + caseId + "/investigation", token, Map.of(), 200);
      post("/api/enforcement/cases/" + caseId + "/notice", token, Map.of("proposedPenalties",
          List.of(Map.of("kind", "FINE", "amount", "50000.00")), "defenceWaived", true), 200);
      JsonNode decided = post("/api/enforcement/cases/" + caseId + "/decision", token, Map.of(
          "violationCodes", List.of("AQSC-099-3"), "penalties", List.of(Map.of("kind", "FINE", "amount", "50000.00")),
          "legalBasis", "《中华人民共和国安全生产法》第九十九条"), 200);
      assertThat(decided.get("state").asString()).isEqualTo("DECIDED");
      String supervisor = post("/api/dev/tokens", null, Map.of("subject", "supervisor-e2e", "roles",
          List.of("SUPERVISOR"), "region", "440300"), 201).get("token").asString();
      JsonNode approved = post("/api/enforcement/cases/" + caseId + "/approval", supervisor, Map.of(), 200);
      assertThat(approved.get("state").asString()).isEqualTo("APPROVED");

      JsonNode standing = awaitPublicGrade(uscc, "B");
      assertThat(standing.get("scoreBand").asString()).isEqualTo("80–89");
      assertThat(standing.get("name").asString()).isEqualTo(name);
      assertThat(standing.get("records").get(0).get("reference").asString()).isEqualTo(caseId);

      JsonNode listed = get("/api/public/enterprises?q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)
          + "&page=0&size=20", 200);
      assertThat(listed.get("total").asLong()).isEqualTo(1);
      assertThat(listed.get("items").get(0).get("grade").asString()).isEqualTo("B");
      JsonNode page = get("/api/public/enterprises?page=0&size=1", 200);
      assertThat(page.get("items").size()).isEqualTo(1);
      assertThat(page.get("total").asLong()).isGreaterThanOrEqualTo(1);

      JsonNode event = awaitRatingChange(channel, probe, uscc, "B");
      assertIsAValidCloudEvent(event, uscc);
      assertThat(event.get("data").get("oldGrade").asString()).isEqualTo("A");
      assertThat(event.get("data").get("newScore").asInt()).isEqualTo(85);
      assertThat(event.get("data").get("scorecardVersion").asString()).isEqualTo("v1");
    }
  }

  private static void assertIsAValidCloudEvent(JsonNode event, String uscc) {
    for (String attribute : List.of("specversion", "id", "source", "type", "subject", "time", "dataschema",
        "datacontenttype", "sequence", "data")) {
      assertThat(event.has(attribute)).as("CloudEvent attribute " + attribute).isTrue();
    }
    assertThat(event.get("specversion").asString()).isEqualTo("1.0");
    assertThat(event.get("id").asString()).isNotBlank();
    assertThat(event.get("source").asString()).isEqualTo("/credit-service");
    assertThat(event.get("type").asString()).isEqualTo("credit.rating.changed");
    assertThat(event.get("subject").asString()).isEqualTo(uscc);
    assertThat(OffsetDateTime.parse(event.get("time").asString())).isNotNull();
    assertThat(URI.create(event.get("dataschema").asString()).isAbsolute()).isTrue();
    assertThat(event.get("datacontenttype").asString()).isEqualTo("application/json");
    assertThat(event.get("sequence").asString()).matches("[1-9][0-9]*");
    assertThat(event.get("data").get("uscc").asString()).isEqualTo(uscc);
  }

  private static JsonNode awaitRatingChange(Channel channel, String queue, String uscc, String grade) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      GetResponse response = channel.basicGet(queue, true);
      if (response == null) {
        Thread.sleep(100);
        continue;
      }
      assertThat(response.getProps().getContentType()).isEqualTo("application/cloudevents+json");
      assertThat(response.getProps().getDeliveryMode()).isEqualTo(2);
      JsonNode event = JSON.readTree(new String(response.getBody(), StandardCharsets.UTF_8));
      if (uscc.equals(event.path("subject").asString("")) && grade.equals(event.path("data").path("newGrade").asString(""))) {
        return event;
      }
    }
    throw new AssertionError("no credit.rating.changed to " + grade + " for " + uscc + " within 30 s");
  }

  @Test
  void aDecisionForUnlicensedOperationProposesAListingThatOfficersTakeThroughTheProcedure() throws Exception {
    String token = post("/api/dev/tokens", null,
        Map.of("subject", "officer-e2e", "roles", List.of("OFFICER"), "region", "440300"), 201).get("token").asString();
    String supervisor = post("/api/dev/tokens", null, Map.of("subject", "supervisor-e2e", "roles",
        List.of("SUPERVISOR"), "region", "440300"), 201).get("token").asString();
    String uscc = newUscc("440300");
    post("/api/enforcement/enterprises", token, Map.of("uscc", uscc, "name", "深圳市无证化工有限公司" + uscc.substring(12),
        "region", "440300", "industry", "HAZARDOUS_CHEMICALS", "standardizationGrade", "NONE",
        "principal", Map.of("name", "李四", "idNumber", "440301199001010012")), 201);
    String caseId = post("/api/enforcement/cases", token, Map.of("uscc", uscc, "title", "未取得安全生产许可证擅自进行生产",
        "officers", List.of("officer-e2e", "officer-e2e-2")), 201).get("id").asString();
    post("/api/enforcement/cases/" + caseId + "/investigation", token, Map.of(), 200);
    post("/api/enforcement/cases/" + caseId + "/notice", token, Map.of("proposedPenalties",
        List.of(Map.of("kind", "FINE", "amount", "200000.00")), "defenceWaived", true), 200);
    post("/api/enforcement/cases/" + caseId + "/decision", token, Map.of("violationCodes", List.of("AQXK-19"),
        "penalties", List.of(Map.of("kind", "FINE", "amount", "200000.00"))), 200);
    post("/api/enforcement/cases/" + caseId + "/approval", supervisor, Map.of("collectiveReviewRef", "集体讨论记录 E2E"),
        200);

    JsonNode proposal = await("a listing proposed for " + uscc, () -> proposalFor(uscc, token));
    assertThat(proposal.get("trigger").get("code").asString()).isEqualTo("UNLICENSED_OPERATION");
    assertThat(proposal.get("caseId").asString()).isEqualTo(caseId);
    assertThat(proposal.get("persons").get(0).get("maskedIdNumber").asString()).isEqualTo("440***********0012");

    JsonNode notified = post("/api/credit/blacklist/proposals/" + proposal.get("id").asString() + "/notice", token,
        Map.of(), 200);
    assertThat(notified.get("state").asString()).isEqualTo("NOTIFIED");
    assertThat(notified.get("notice").get("objectionLastDay").asString()).isNotBlank();
  }

  private static JsonNode awaitPublicGrade(String uscc, String grade) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode last = null;
    while (System.nanoTime() < deadline) {
      HttpResponse<String> response = exchange("GET", "/api/public/enterprises/" + uscc, null, null);
      if (response.statusCode() == 200) {
        last = JSON.readTree(response.body());
        if (grade.equals(last.path("grade").asString(""))) {
          return last;
        }
      }
      Thread.sleep(200);
    }
    throw new AssertionError("public standing of " + uscc + " did not become " + grade + "; last: " + last);
  }
}
