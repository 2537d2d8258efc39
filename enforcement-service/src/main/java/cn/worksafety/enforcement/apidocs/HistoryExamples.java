package cn.worksafety.enforcement.apidocs;

import io.swagger.v3.core.util.Json;
import java.util.Map;

/**
 * What {@code GET …/history} answers for each kind of record: its audit trail, oldest entry first,
 * with each change's field (dotted for nested ones) before and after. Times are UTC instants here.
 */
public final class HistoryExamples {
  private static final Map<String, String> BY_RESOURCE = Map.of(
      "enterprise", """
          {"id": "914403001922038216", "entries": [
            {"action": "registration", "at": "2026-11-02T01:15:40.112Z", "by": "officer-440300",
             "roles": ["OFFICER"], "requestId": "f6dc78e7-36f5-46f4-9ccb-8024759f7fd9",
             "changes": [
               {"field": "name", "before": null, "after": "深圳市华安化工有限公司"},
               {"field": "region", "before": null, "after": "440300"},
               {"field": "industry", "before": null, "after": "HAZARDOUS_CHEMICALS"},
               {"field": "standardizationGrade", "before": null, "after": "LEVEL_2"},
               {"field": "licence.status", "before": null, "after": "VALID"}]},
            {"action": "update", "at": "2026-11-20T06:42:03.508Z", "by": "officer-440300",
             "roles": ["OFFICER"], "requestId": "3b2d1393-17fb-4c01-8779-d44619f430a0",
             "changes": [{"field": "standardizationGrade", "before": "LEVEL_2", "after": "LEVEL_1"}]}]}
          """,
      "inspection", """
          {"id": "6f1c2a9e-3b4d-4e8f-9a7b-2c5d8e1f0a93", "entries": [
            {"action": "inspection", "at": "2026-11-20T03:05:12.349Z", "by": "officer-440300",
             "roles": ["OFFICER"], "requestId": "e42df342-3fdc-4706-9af4-18ff1ebc05a6",
             "changes": [
               {"field": "uscc", "before": null, "after": "914403001922038216"},
               {"field": "inspectedAt", "before": null, "after": "2026-11-20T01:30:00Z"},
               {"field": "officers", "before": null, "after": ["officer-0001", "officer-0002"]}]},
            {"action": "verification", "at": "2026-12-18T02:20:31.077Z", "by": "officer-440300",
             "roles": ["OFFICER"], "requestId": "0b9a7c55-2f1e-4d3c-8b6a-5e4d3c2b1a09",
             "changes": [{"field": "hazards",
               "before": [{"id": "H-1", "description": "液氨储罐区未设置泄漏报警装置", "level": "MAJOR",
                 "deadline": "2026-12-20", "verifications": [], "rectifiedAt": null}],
               "after": [{"id": "H-1", "description": "液氨储罐区未设置泄漏报警装置", "level": "MAJOR",
                 "deadline": "2026-12-20", "verifications": [{"verifiedAt": "2026-12-18T02:00:00Z",
                   "officers": ["officer-0001", "officer-0003"], "outcome": "RECTIFIED",
                   "note": "已安装泄漏报警装置并联动测试合格"}], "rectifiedAt": "2026-12-18T02:00:00Z"}]}]}]}
          """,
      "case", """
          {"id": "3f2b8c1e-6d4a-4f7b-9c2e-8a1d5e7f9b20", "entries": [
            {"action": "filing", "at": "2026-11-03T01:12:04.778Z", "by": "officer-440300",
             "roles": ["OFFICER"], "requestId": "3031e5b9-9868-42ff-91eb-ff02e6a7410a",
             "changes": [
               {"field": "uscc", "before": null, "after": "914403001922038216"},
               {"field": "state", "before": null, "after": "FILED"},
               {"field": "decisionDue", "before": null, "after": "2027-02-01"}]},
            {"action": "decision", "at": "2026-11-28T02:30:51.108Z", "by": "officer-440300",
             "roles": ["OFFICER"], "requestId": "ae517521-8de9-48e1-b913-3ba7669b1a3e",
             "changes": [
               {"field": "state", "before": "NOTIFIED", "after": "DECIDED"},
               {"field": "decision.violationCodes", "before": null, "after": ["AQSC-099-3"]},
               {"field": "decision.penalties", "before": null,
                "after": [{"kind": "FINE", "amount": "50000.00", "periodDays": null}]}]},
            {"action": "approval", "at": "2026-11-28T07:02:11.164Z", "by": "supervisor-440300",
             "roles": ["SUPERVISOR"], "requestId": "40e82a34-d58e-4bfa-9640-f996940b9e70",
             "changes": [
               {"field": "state", "before": "DECIDED", "after": "APPROVED"},
               {"field": "decision.approval.supervisor", "before": null, "after": "supervisor-440300"}]}]}
          """,
      "accident", """
          {"id": "8d7c6b5a-4e3f-4a2b-9c1d-0e9f8a7b6c5d", "entries": [
            {"action": "report", "at": "2026-11-20T07:10:51.412Z", "by": "officer-440300",
             "roles": ["OFFICER"], "requestId": "6ec4f79d-142a-4cde-bb14-29cce702c9ce",
             "changes": [
               {"field": "occurredAt", "before": null, "after": "2026-11-20T06:30:00Z"},
               {"field": "reported.deaths", "before": null, "after": 1},
               {"field": "reported.directLoss", "before": null, "after": "3800000.00"},
               {"field": "grade", "before": null, "after": "ORDINARY"},
               {"field": "state", "before": null, "after": "REPORTED"}]},
            {"action": "conclusion", "at": "2027-01-15T02:00:12.003Z", "by": "officer-440300",
             "roles": ["OFFICER"], "requestId": "9f8e7d6c-5b4a-4392-8172-6a5b4c3d2e1f",
             "changes": [
               {"field": "established.deaths", "before": null, "after": 3},
               {"field": "grade", "before": "ORDINARY", "after": "MAJOR"},
               {"field": "state", "before": "REPORTED", "after": "CONCLUDED"}]}]}
          """);

  private HistoryExamples() {}

  /** The example trail of a record of this kind, or null when there is none. */
  public static Object of(String resource) {
    String json = BY_RESOURCE.get(resource);
    try {
      return json == null ? null : Json.mapper().readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException("history example for " + resource + " is not JSON", e);
    }
  }
}
