package cn.worksafety.enforcement.apidocs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The problems this service answers, one example each, as {@code ProblemDetailsAdvice} and the
 * security handlers really write them: {@code type} under {@code https://worksafety.cn/problems/},
 * the reason phrase as {@code title} (bean validation says "Invalid request"), and the extension
 * members each refusal carries. {@code instance} is filled in per operation from its path; the
 * 401 and the early 413 are written by filters and carry none.
 */
public final class ProblemExamples {
  /** The problem media type every error is answered in. */
  public static final String MEDIA_TYPE = "application/problem+json";
  private static final String BASE = "https://worksafety.cn/problems/";

  /** One documented refusal: its status, a one-line summary for the example list, and the body. */
  public record Example(String name, int status, String summary, Map<String, Object> body, boolean hasInstance) {}

  private static final Map<String, Example> ALL = new LinkedHashMap<>();

  static {
    // 400
    add("validation-failed", 400, "validation-failed", "Invalid request",
        "fields break the rules of the body; errors names each (here: an empty body {})",
        "officers: size must be between 2 and 10; uscc: must not be blank",
        "errors", List.of(error("officers", "size must be between 2 and 10"), error("uscc", "must not be blank")));
    refused("uscc-check-failed", "the USCC fails the GB 32100 check", "uscc", "check character should be '6'");
    refused("id-number-refused", "a resident ID number fails the GB 11643 check", "legalRepresentative.idNumber",
        "check character should be X");
    refused("inspected-in-future", "an inspection cannot be recorded before it took place", "inspectedAt",
        "an inspection cannot take place in the future");
    refused("hazard-deadline-early", "a rectification deadline before the inspection date", "deadline",
        "the rectification deadline cannot be before the inspection date 2026-11-20");
    refused("verified-out-of-order", "a re-inspection before the inspection, the previous one, or in the future",
        "verifiedAt", "a re-inspection cannot take place before the inspection");
    refused("officers-not-distinct", "a case needs two different officers (行政处罚法 第四十二条)", "officers",
        "a case needs at least 2 different certified officers (行政处罚法 第四十二条)");
    refused("penalty-refused", "a penalty without the amount or period its kind needs, or with one it takes not",
        "penalties", "FINE needs an amount above 0 and at most 100000000 CNY, with at most 2 decimals");
    refused("unknown-violation-code", "a violation code the catalogue does not know", "violationCodes",
        "unknown violation code AQSC-999-9; the catalogue is at /api/enforcement/violations");
    refused("hearing-held-out-of-order", "a hearing held before it was asked for, or in the future",
        "hearing.heldAt", "must lie between the request (2026-11-21T02:15:00Z) and now");
    refused("served-out-of-order", "service before the approval or in the future", "servedAt",
        "must lie between the approval (2026-11-28T07:02:11Z) and now");
    refused("executed-out-of-order", "execution before the service or in the future; a payment where no fine was "
        + "imposed", "executedAt", "must lie between the service and now");
    refused("occurred-in-future", "an accident cannot be reported before it happened", "occurredAt",
        "an accident cannot have happened in the future");
    refused("figures-refused", "deaths, serious injuries or direct loss out of range", "directLoss",
        "must be a CNY amount from 0 to 1000000000000 with at most 2 decimals");
    for (String from : List.of("from", "filedFrom", "occurredFrom")) {
      refused(from + "-after-to", "a day range whose first day is after its last", from,
          "must not be after 2026-11-01");
    }
    add("invalid-parameter", 400, "validation-failed", "Invalid request",
        "a query parameter has a value of the wrong type, or outside its range",
        "page: must be greater than or equal to 0",
        "errors", List.of(error("page", "must be greater than or equal to 0")));
    add("malformed-body", 400, "malformed-body", "Malformed request body",
        "the body is not JSON, has an unknown field or a value of the wrong type or format",
        "field 'occurredAt' has the wrong type or format");
    // 401
    ALL.put("unauthorized", new Example("unauthorized", 401, "no bearer token, or one that is invalid or expired",
        body("unauthorized", "Unauthorized", 401, "A valid bearer token is required."), false));
    // 403
    add("forbidden", 403, "forbidden", "Forbidden", "the token's roles do not allow this endpoint",
        "Your role does not allow this request.");
    add("no-region", 403, "no-region", "Forbidden", "listing needs a region claim in the token",
        "your token carries no valid region code, so no regional data can be shown");
    add("outside-region", 403, "outside-region", "Forbidden", "the region lies outside the caller's region",
        "region 510100 is outside your region 440300");
    add("override-not-allowed", 403, "override-not-allowed", "Forbidden",
        "only a credit administrator may register a code whose check character is wrong",
        "only a credit administrator may register a code that fails the GB 32100 check");
    // 404: unknown, or outside the caller's region (existence does not leak across regions)
    notFound("enterprise", "914403001922038216");
    notFound("inspection", "6f1c2a9e-3b4d-4e8f-9a7b-2c5d8e1f0a93");
    notFound("hazard", "H-2");
    notFound("case", "3f2b8c1e-6d4a-4f7b-9c2e-8a1d5e7f9b20");
    notFound("accident", "8d7c6b5a-4e3f-4a2b-9c1d-0e9f8a7b6c5d");
    // 409
    add("concurrent-change", 409, "concurrent-change", "Conflict",
        "sent without If-Match, and someone else changed the record at the same moment",
        "the case was changed by someone else meanwhile; read it again and retry");
    add("step-not-allowed", 409, "step-not-allowed", "Conflict",
        "the case's state does not allow this step; allowed lists the steps it does allow",
        "step 'closure' is not allowed while the case is NOTIFIED",
        "allowed", List.of("defence", "decision"), "state", "NOTIFIED");
    add("accident-concluded", 409, "step-not-allowed", "Conflict", "the accident is already concluded",
        "the accident is already concluded", "state", "CONCLUDED", "allowed", List.of("concealment"));
    add("duplicate-enterprise", 409, "duplicate-enterprise", "Conflict", "the code is already registered",
        "an enterprise with code 914403001922038216 is already registered", "uscc", "914403001922038216");
    add("hearing-already-requested", 409, "hearing-already-requested", "Conflict",
        "the party already asked for a hearing", "the party asked for a hearing on 2026-11-21T02:15:00Z");
    add("already-rectified", 409, "already-rectified", "Conflict", "the hazard is already verified as rectified",
        "hazard H-2 is already verified as rectified and cannot be verified again",
        "hazardId", "H-2", "state", "RECTIFIED");
    add("already-recorded", 409, "already-recorded", "Conflict", "concealment is already on record",
        "concealment is already recorded for this accident");
    // 412
    add("precondition-failed", 412, "precondition-failed", "Precondition Failed",
        "If-Match names a version that is no longer current; currentETag is the one to read again",
        "the resource changed since you read it (your version 3, now 4)", "currentETag", "\"4\"");
    // 413
    ALL.put("body-too-large", new Example("body-too-large", 413, "the body is larger than 256 KB",
        body("body-too-large", "Content Too Large", 413, "the request body may be at most 256 KB"), false));
    // 422
    add("too-many-hazards", 422, "too-many-hazards", "Unprocessable Content",
        "an inspection records at most 200 hazards",
        "an inspection records at most 200 hazards; record a new inspection");
    add("too-many-verifications", 422, "too-many-verifications", "Unprocessable Content",
        "a hazard keeps at most 50 re-inspections",
        "hazard H-2 already has 50 re-inspections on record");
    add("no-hearing-requested", 422, "no-hearing-requested", "Unprocessable Content",
        "a hearing held is recorded only after the party asked for one",
        "the party did not ask for a hearing, so none can be recorded as held");
    add("defence-waived", 422, "defence-waived", "Unprocessable Content",
        "the party waived its defence and hearing when notified",
        "the party waived its right to a defence and a hearing when notified");
    add("no-hearing-right", 422, "no-hearing-right", "Unprocessable Content",
        "a hearing only for serious penalties (行政处罚法 第六十三条)",
        "a hearing may be asked for only when a serious penalty is proposed (行政处罚法 第六十三条): a fine or "
            + "confiscation from 100000 CNY, a suspension, a licence measure or closure");
    add("hearing-request-late", 422, "hearing-request-late", "Unprocessable Content",
        "the window for asking for a hearing has closed (行政处罚法 第六十四条)",
        "a hearing had to be asked for by 2026-11-27 (行政处罚法 第六十四条)", "lastDay", "2026-11-27");
    add("defence-window-open", 422, "defence-window-open", "Unprocessable Content",
        "the party may still state its defence, and did not waive it",
        "the party may state a defence until 2026-11-27; decide after that day, or record that the party waived it",
        "defenceWindowLastDay", "2026-11-27");
    add("hearing-pending", 422, "hearing-pending", "Unprocessable Content",
        "the party asked for a hearing that is not yet recorded as held",
        "the party asked for a hearing on 2026-11-21T02:15:00Z; record the hearing held before deciding");
    add("heavier-than-notice", 422, "heavier-than-notice", "Unprocessable Content",
        "the decision may not be heavier than the notice proposed (行政处罚法 第四十五条)",
        "the decision may not be heavier than the notice proposed (行政处罚法 第四十五条): FINE exceeds or is missing "
            + "from the proposal");
    add("penalty-outside-catalogue", 422, "penalty-outside-catalogue", "Unprocessable Content",
        "a penalty kind the cited violations do not provide for; allowedKinds lists those they do",
        "LICENCE_REVOCATION is not a penalty the cited provisions allow",
        "allowedKinds", List.of("FINE", "SUSPENSION"));
    add("fine-outside-range", 422, "fine-outside-range", "Unprocessable Content",
        "the fine lies outside the range of the cited violations",
        "the fine of 250000.00 CNY lies outside what AQSC-099-3 allow: 0 to 200000 CNY",
        "fineMin", "0", "fineMax", "200000");
    add("collective-review-required", 422, "collective-review-required", "Unprocessable Content",
        "a serious penalty needs the collective review's minutes (行政处罚法 第五十七条)",
        "this decision imposes a serious penalty and needs the leadership's collective review (集体讨论, "
            + "行政处罚法 第五十七条) before approval: give collectiveReviewRef");
    add("amount-due", 422, "amount-due", "Unprocessable Content",
        "less than the fine plus late surcharge was paid; amountDue is what must be paid",
        "the amount due is 53000.00 CNY (fine 50000.00 + late surcharge 3000.00, payment was due by 2026-12-09)",
        "amountDue", "53000.00", "surcharge", "3000.00");
  }

  private ProblemExamples() {}

  public static Optional<Example> named(String name) {
    return Optional.ofNullable(ALL.get(name));
  }

  public static Example get(String name) {
    return named(name).orElseThrow(() -> new IllegalArgumentException("no problem example named " + name));
  }

  /** The 404 example for a record of this kind ({@code case}, {@code enterprise} …). */
  public static Example notFoundOf(String resource) {
    return get(resource + "-not-found");
  }

  private static void notFound(String resource, String id) {
    add(resource + "-not-found", 404, "not-found", "Not Found",
        "no " + resource + " " + "with this id in the caller's region", resource + " " + id + " does not exist",
        "resource", resource);
  }

  /** A value the domain refuses, answered like a validation failure but titled by the status. */
  private static void refused(String name, String summary, String field, String message) {
    add(name, 400, "validation-failed", "Bad Request", summary, field + ": " + message,
        "errors", List.of(error(field, message)));
  }

  private static void add(String name, int status, String code, String title, String summary, String detail,
      Object... extensions) {
    Map<String, Object> body = body(code, title, status, detail);
    for (int i = 0; i < extensions.length; i += 2) {
      body.put((String) extensions[i], extensions[i + 1]);
    }
    ALL.put(name, new Example(name, status, summary, body, true));
  }

  private static Map<String, Object> body(String code, String title, int status, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", BASE + code);
    body.put("title", title);
    body.put("status", status);
    body.put("detail", detail);
    return body;
  }

  private static Map<String, String> error(String field, String message) {
    Map<String, String> error = new LinkedHashMap<>();
    error.put("field", field);
    error.put("message", message);
    return error;
  }
}
