package cn.worksafety.enforcement.penaltycase;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.enforcement.EnforcementIntegrationTest;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The 90-day decision deadline (行政处罚法 第六十条), as officers see and filter it. */
class CaseDeadlineApiTest extends EnforcementIntegrationTest {
  @Autowired
  MongoDatabase database;

  @Test
  void undecidedCasesPastTheirDeadlineAreFlaggedAndCanBeListed() {
    String uscc = registerEnterprise(SHENZHEN, officer);
    String late = expect(http.post("/api/enforcement/cases", officer, java.util.Map.of("uscc", uscc, "title", "t",
        "officers", List.of("a", "b"))), 201).json().get("id").asString();
    String fresh = expect(http.post("/api/enforcement/cases", officer, java.util.Map.of("uscc", uscc, "title", "t",
        "officers", List.of("a", "b"))), 201).json().get("id").asString();
    // a case filed long ago: its due date lies in the past
    database.getCollection("cases").updateOne(Filters.eq("_id", late), Updates.set("decisionDue", "2026-01-01"));

    assertThat(http.get("/api/enforcement/cases/" + late, officer).json().get("deadlineStatus").asString())
        .isEqualTo("OVERDUE");
    assertThat(http.get("/api/enforcement/cases/" + fresh, officer).json().get("deadlineStatus").asString())
        .isEqualTo("ON_TRACK");
    JsonNode overdue = http.get("/api/enforcement/cases?overdue=true&size=100", officer).json();
    assertThat(overdue.get("items").findValuesAsString("id")).contains(late).doesNotContain(fresh);
    assertThat(overdue.get("items").findValuesAsString("deadlineStatus")).containsOnly("OVERDUE");
  }

}
