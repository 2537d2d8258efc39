package cn.worksafety.enforcement.penaltycase.web;

import cn.worksafety.enforcement.penaltycase.application.CaseService;
import cn.worksafety.enforcement.penaltycase.model.CaseState;
import cn.worksafety.enforcement.penaltycase.model.CaseStep;
import cn.worksafety.enforcement.penaltycase.model.PenaltyCase;
import cn.worksafety.platform.audit.History;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.security.Callers;
import cn.worksafety.platform.web.ETags;
import cn.worksafety.platform.web.PageRequest;
import cn.worksafety.platform.web.DayRange;
import cn.worksafety.platform.web.PageView;
import cn.worksafety.enforcement.apidocs.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Penalty cases and their lifecycle steps; {@code If-Match} with the case's ETag guards every step. */
@RestController
@Tag(name = "Penalty cases", description = "行政处罚案件 Administrative-penalty cases and their lifecycle under the "
    + "行政处罚法: filing (立案) → investigation (调查取证) → notice (告知) → defence and hearing (陈述申辩、听证) → "
    + "decision (决定) → approval (审批, puts it in force) → service (送达) → execution (执行) → closure (结案); "
    + "revocation (撤销) after approval. Each step is a POST to /cases/{id}/<step>; allowedSteps on the case names the "
    + "steps its state allows, any other answers 409 step-not-allowed, and an unknown step name 404 with the list of "
    + "steps. A decision is due within 90 days of filing (deadlineStatus).")
@RequestMapping("/api/enforcement/cases")
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
public class CaseController {
  private static final String STEP = " Guarded by If-Match with the case's ETag.";
  private final CaseService cases;
  private final Clock clock;

  public CaseController(CaseService cases, Clock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  @Operation(summary = "File a case 立案",
      description = "Files a penalty case against an enterprise in the caller's region, handled by at least two "
          + "different certified officers (行政处罚法 第四十二条). The 90-day decision deadline runs from today.")
  @ApiResponse(responseCode = "201", description = "Filed; Location names it, ETag is its version",
      useReturnTypeSchema = true)
  @ApiProblems({"officers-not-distinct", "enterprise-not-found"})
  @PostMapping
  public ResponseEntity<CaseView> file(@Valid @RequestBody CaseRequests.FileCase request) {
    PenaltyCase filed = cases.file(Callers.current(), request.uscc(), request.title(), request.officers());
    return ResponseEntity.created(URI.create("/api/enforcement/cases/" + filed.id()))
        .eTag(ETags.of(filed.version())).body(view(filed));
  }

  @Operation(summary = "Read a case 查看案件",
      description = "One case with its state, the steps it allows next, its decision deadline and ETag. A case "
          + "outside the caller's region answers 404.")
  @GetMapping("/{id}")
  public ResponseEntity<CaseView> get(@PathVariable String id) {
    return respond(cases.get(Callers.current(), id));
  }

  @Operation(summary = "A case's audit trail 案件变更记录",
      description = "Who took each step, when, from which request and what changed, oldest first. Read-only.")
  @GetMapping("/{id}/history")
  public History history(@PathVariable String id) {
    return new History(id, cases.history(Callers.current(), id));
  }

  @Operation(summary = "List cases 案件列表",
      description = "Cases in the caller's region, by state, by inclusive filing-day range in Asia/Shanghai, or only "
          + "those undecided past their 90-day deadline. A token without a region claim cannot list.")
  @ApiProblems({"filedFrom-after-to", "no-region"})
  @GetMapping
  public PageView<CaseView> list(@ParameterObject @Valid PageRequest page,
      @Parameter(description = "only cases in this state", example = "NOTIFIED")
      @RequestParam(required = false) CaseState state,
      @Parameter(description = "only cases still undecided after their 90-day deadline", example = "true")
      @RequestParam(defaultValue = "false") boolean overdue,
      @Parameter(description = "filed on or after this day (Asia/Shanghai)", example = "2026-11-01")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedFrom,
      @Parameter(description = "filed on or before this day", example = "2026-11-30")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedTo) {
    return cases.list(Callers.current(), state, overdue, DayRange.of("filedFrom", filedFrom, filedTo), page.offset(),
        page.sizeOrDefault()).map(this::view);
  }

  @Operation(summary = "Start the investigation 调查取证",
      description = "FILED → INVESTIGATING. The body is empty or {}."
          + STEP)
  @ApiProblems("step-not-allowed")
  @PostMapping("/{id}/investigation")
  public ResponseEntity<CaseView> investigation(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) CaseRequests.Investigation request) {
    return respond(cases.investigate(Callers.current(), id, ifMatch));
  }

  @Operation(summary = "Notify the party 告知",
      description = "INVESTIGATING → NOTIFIED: tells the party the penalties proposed and its rights; the defence "
          + "window of 5 working days (State Council calendar) starts today, unless the party waived it (行政处罚法 "
          + "第四十四条). The decision may later be no heavier than this proposal."
          + STEP)
  @ApiProblems({"penalty-refused", "step-not-allowed"})
  @PostMapping("/{id}/notice")
  public ResponseEntity<CaseView> notice(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CaseRequests.NoticeToParty request) {
    return respond(cases.notifyParty(Callers.current(), id, ifMatch,
        request.proposedPenalties().stream().map(PenaltyRequest::toPenalty).toList(),
        Boolean.TRUE.equals(request.defenceWaived())));
  }

  @Operation(summary = "Record defence or hearing 陈述申辩、听证",
      description = "While NOTIFIED: records the party's statement, its request for a hearing, or the hearing held. "
          + "A hearing may be asked for only when a serious penalty is proposed (fine or confiscation from 100000 "
          + "CNY, suspension, licence measure, closure; 第六十三条), only within the defence window (第六十四条) and "
          + "not after waiving it; once asked for, no decision until it is recorded as held."
          + STEP)
  @ApiProblems({"hearing-held-out-of-order", "step-not-allowed", "hearing-already-requested", "defence-waived",
      "no-hearing-right", "hearing-request-late", "no-hearing-requested"})
  @PostMapping("/{id}/defence")
  public ResponseEntity<CaseView> defence(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CaseRequests.Defence request) {
    return respond(cases.recordDefence(Callers.current(), id, ifMatch, request.statement(),
        Boolean.TRUE.equals(request.hearingRequested()),
        request.hearing() == null ? null : request.hearing().heldAt().toInstant(),
        request.hearing() == null ? null : request.hearing().record()));
  }

  @Operation(summary = "Decide 作出处罚决定",
      description = "NOTIFIED → DECIDED. Not before the defence window closed unless the party waived it, and not "
          + "while a requested hearing is pending (第四十四、六十二条); never heavier than the notice proposed "
          + "(第四十五条); must stay inside the violation catalogue: penalty kinds the cited violations provide for, "
          + "the total fine within their range. The legal basis defaults to that of the cited violations. The "
          + "decision takes effect only when a supervisor approves it."
          + STEP)
  @ApiProblems({"unknown-violation-code", "step-not-allowed", "defence-window-open", "hearing-pending",
      "heavier-than-notice", "penalty-outside-catalogue", "fine-outside-range"})
  @PostMapping("/{id}/decision")
  public ResponseEntity<CaseView> decision(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CaseRequests.DecisionOnCase request) {
    return respond(cases.decide(Callers.current(), id, ifMatch, request.violationCodes(),
        request.penalties().stream().map(PenaltyRequest::toPenalty).toList(), request.legalBasis()));
  }

  @Operation(summary = "Approve the decision 审批",
      description = "DECIDED → APPROVED, supervisors only: puts the decision in force and announces it "
          + "(enforcement.case.decided). A serious penalty needs the minutes of the leadership's collective review "
          + "(集体讨论, 第五十七条) in collectiveReviewRef. The body may be empty."
          + STEP)
  @ApiProblems({"step-not-allowed", "collective-review-required"})
  @PostMapping("/{id}/approval")
  @PreAuthorize("hasRole('SUPERVISOR')")
  public ResponseEntity<CaseView> approval(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) CaseRequests.ApprovalOfDecision request) {
    return respond(cases.approve(Callers.current(), id, ifMatch, request == null ? null : request.collectiveReviewRef()));
  }

  @Operation(summary = "Record service 送达",
      description = "APPROVED → SERVED: when and how the decision reached the party; not before the approval, not in "
          + "the future. Service later than 7 days after approval is marked late (第六十一条)."
          + STEP)
  @ApiProblems({"served-out-of-order", "step-not-allowed"})
  @PostMapping("/{id}/service")
  public ResponseEntity<CaseView> service(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CaseRequests.ServiceOfDecision request) {
    return respond(cases.serve(Callers.current(), id, ifMatch, request.servedAt().toInstant(), request.method()));
  }

  @Operation(summary = "Record execution 执行",
      description = "SERVED → EXECUTED: the decision was carried out. A fine must be paid in full within 15 days of "
          + "service, plus a late surcharge of 3 % of the fine per day after that, at most the fine (第七十二条); "
          + "anything less is refused with amountDue. Not before the service, not in the future."
          + STEP)
  @ApiProblems({"executed-out-of-order", "step-not-allowed", "amount-due"})
  @PostMapping("/{id}/execution")
  public ResponseEntity<CaseView> execution(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CaseRequests.ExecutionOfDecision request) {
    return respond(cases.execute(Callers.current(), id, ifMatch, request.executedAt().toInstant(), request.amountPaid()));
  }

  @Operation(summary = "Close the case 结案",
      description = "EXECUTED → CLOSED, with the reason; announces it (enforcement.case.closed)."
          + STEP)
  @ApiProblems("step-not-allowed")
  @PostMapping("/{id}/closure")
  public ResponseEntity<CaseView> closure(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CaseRequests.Closure request) {
    return respond(cases.close(Callers.current(), id, ifMatch, request.reason()));
  }

  @Operation(summary = "Revoke the decision 撤销",
      description = "APPROVED, SERVED, EXECUTED or CLOSED → REVOKED, supervisors only: a decision revoked on "
          + "reconsideration or by a court no longer counts for credit; announces it (enforcement.case.revoked)."
          + STEP)
  @ApiProblems("step-not-allowed")
  @PostMapping("/{id}/revocation")
  @PreAuthorize("hasRole('SUPERVISOR')")
  public ResponseEntity<CaseView> revocation(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CaseRequests.Revocation request) {
    return respond(cases.revoke(Callers.current(), id, ifMatch, request.reason()));
  }

  /** Every lifecycle step has its own endpoint; anything else here is not a step. */
  @Operation(hidden = true)
  @PostMapping("/{id}/{step}")
  public ResponseEntity<CaseView> unknownStep(@PathVariable String id, @PathVariable String step) {
    throw DomainException.notFound("case step", step).with("steps",
        java.util.Arrays.stream(CaseStep.values()).map(CaseStep::path).toList());
  }

  private ResponseEntity<CaseView> respond(PenaltyCase c) {
    return ResponseEntity.ok().eTag(ETags.of(c.version())).body(view(c));
  }

  private CaseView view(PenaltyCase c) {
    return CaseView.of(c, cases.deadlines(c), clock.getZone());
  }
}
