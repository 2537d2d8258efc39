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
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
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
@RequestMapping("/api/enforcement/cases")
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
public class CaseController {
  private final CaseService cases;
  private final Clock clock;

  public CaseController(CaseService cases, Clock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  @PostMapping
  public ResponseEntity<CaseView> file(@Valid @RequestBody CaseRequests.FileCase request) {
    PenaltyCase filed = cases.file(Callers.current(), request.uscc(), request.title(), request.officers());
    return ResponseEntity.created(URI.create("/api/enforcement/cases/" + filed.id()))
        .eTag(ETags.of(filed.version())).body(view(filed));
  }

  @GetMapping("/{id}")
  public ResponseEntity<CaseView> get(@PathVariable String id) {
    return respond(cases.get(Callers.current(), id));
  }

  @GetMapping("/{id}/history")
  public History history(@PathVariable String id) {
    return new History(id, cases.history(Callers.current(), id));
  }

  @GetMapping
  public PageView<CaseView> list(@Valid PageRequest page, @RequestParam(required = false) CaseState state,
      @Parameter(description = "only cases still undecided after their 90-day deadline")
      @RequestParam(defaultValue = "false") boolean overdue,
      @Parameter(description = "filed on or after this day (Asia/Shanghai)", example = "2026-11-01")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedFrom,
      @Parameter(description = "filed on or before this day", example = "2026-11-30")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate filedTo) {
    return cases.list(Callers.current(), state, overdue, DayRange.of("filedFrom", filedFrom, filedTo), page.offset(),
        page.sizeOrDefault()).map(this::view);
  }

  @PostMapping("/{id}/investigation")
  public ResponseEntity<CaseView> investigation(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) CaseRequests.Investigation request) {
    return respond(cases.investigate(Callers.current(), id, ifMatch));
  }

  @PostMapping("/{id}/notice")
  public ResponseEntity<CaseView> notice(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CaseRequests.NoticeToParty request) {
    return respond(cases.notifyParty(Callers.current(), id, ifMatch,
        request.proposedPenalties().stream().map(PenaltyRequest::toPenalty).toList(),
        Boolean.TRUE.equals(request.defenceWaived())));
  }

  @PostMapping("/{id}/defence")
  public ResponseEntity<CaseView> defence(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CaseRequests.Defence request) {
    return respond(cases.recordDefence(Callers.current(), id, ifMatch, request.statement(),
        Boolean.TRUE.equals(request.hearingRequested()),
        request.hearing() == null ? null : request.hearing().heldAt().toInstant(),
        request.hearing() == null ? null : request.hearing().record()));
  }

  @PostMapping("/{id}/decision")
  public ResponseEntity<CaseView> decision(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CaseRequests.DecisionOnCase request) {
    return respond(cases.decide(Callers.current(), id, ifMatch, request.violationCodes(),
        request.penalties().stream().map(PenaltyRequest::toPenalty).toList(), request.legalBasis()));
  }

  @PostMapping("/{id}/approval")
  @PreAuthorize("hasRole('SUPERVISOR')")
  public ResponseEntity<CaseView> approval(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) CaseRequests.ApprovalOfDecision request) {
    return respond(cases.approve(Callers.current(), id, ifMatch, request == null ? null : request.collectiveReviewRef()));
  }

  @PostMapping("/{id}/service")
  public ResponseEntity<CaseView> service(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CaseRequests.ServiceOfDecision request) {
    return respond(cases.serve(Callers.current(), id, ifMatch, request.servedAt().toInstant(), request.method()));
  }

  @PostMapping("/{id}/execution")
  public ResponseEntity<CaseView> execution(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CaseRequests.ExecutionOfDecision request) {
    return respond(cases.execute(Callers.current(), id, ifMatch, request.executedAt().toInstant(), request.amountPaid()));
  }

  @PostMapping("/{id}/closure")
  public ResponseEntity<CaseView> closure(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CaseRequests.Closure request) {
    return respond(cases.close(Callers.current(), id, ifMatch, request.reason()));
  }

  @PostMapping("/{id}/revocation")
  @PreAuthorize("hasRole('SUPERVISOR')")
  public ResponseEntity<CaseView> revocation(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody CaseRequests.Revocation request) {
    return respond(cases.revoke(Callers.current(), id, ifMatch, request.reason()));
  }

  /** Every lifecycle step has its own endpoint; anything else here is not a step. */
  @PostMapping("/{id}/{step}")
  public ResponseEntity<CaseView> unknownStep(@PathVariable String id, @PathVariable String step) {
    throw DomainException.notFound("case step", step).with("steps",
        java.util.Arrays.stream(CaseStep.values()).map(CaseStep::path).toList());
  }

  private ResponseEntity<CaseView> respond(PenaltyCase c) {
    return ResponseEntity.ok().eTag(ETags.of(c.version())).body(view(c));
  }

  private CaseView view(PenaltyCase c) {
    return CaseView.of(c, cases.deadlineStatus(c), clock.getZone());
  }
}
