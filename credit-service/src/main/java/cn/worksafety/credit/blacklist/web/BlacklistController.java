package cn.worksafety.credit.blacklist.web;

import cn.worksafety.credit.blacklist.application.BlacklistService;
import cn.worksafety.credit.blacklist.application.ListingCommands;
import cn.worksafety.credit.blacklist.model.Listing;
import cn.worksafety.credit.blacklist.model.ListingState;
import cn.worksafety.credit.blacklist.model.ListingStep;
import cn.worksafety.credit.creditfile.web.AsOf;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import cn.worksafety.platform.security.Callers;
import cn.worksafety.platform.web.ETags;
import cn.worksafety.platform.web.PageRequest;
import cn.worksafety.platform.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import org.springdoc.core.annotations.ParameterObject;
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

@RestController
@Tag(name = "Serious-dishonesty list", description = "严重失信主体名单 (应急管理部令第11号). A listing is proposed "
    + "automatically when an enforcement event meets one of the eight conditions (each with a penalty decision "
    + "behind it), or by an officer; then notice 告知 → objection 异议 (5 working days) → decision 决定 by a supervisor "
    + "of the deciding authority (reviewing any objection) → publication 公示 (within 20 working days), which puts it "
    + "in force for 3 years from the decision. From 12 months on, credit repair 信用修复 may be applied for; an "
    + "approved repair found fraudulent is undone by restoration, with the original end date. Every step is guarded "
    + "by If-Match with the listing's ETag; a step the state does not allow answers 409 with the allowed ones.")
@RequestMapping("/api/credit/blacklist")
public class BlacklistController {
  private static final String STEP = " Guarded by If-Match with the listing's ETag.";
  private final BlacklistService blacklist;
  private final Clock clock;

  public BlacklistController(BlacklistService blacklist, Clock clock) {
    this.blacklist = blacklist;
    this.clock = clock;
  }

  @Operation(summary = "The list as of a moment 名单",
      description = "The entries in force at asOf (default now), newest decision first; of one enterprise with uscc. "
          + "Officers see their region's entries, administrators and partner departments all.")
  @GetMapping
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN', 'PARTNER')")
  public PageView<ListingView> list(@ParameterObject @Valid PageRequest page,
      @Parameter(description = "a day (its end) or an ISO-8601 date-time with offset; not in the future",
          example = "2026-06-30") @RequestParam(required = false) String asOf,
      @Parameter(description = "only this enterprise", example = "914403001922038216")
      @RequestParam(required = false) String uscc) {
    Instant at = AsOf.parse(asOf, clock);
    return blacklist.listedAt(Callers.current(), at, uscc, page.offset(), page.sizeOrDefault()).map(this::view);
  }

  @Operation(summary = "Listings in procedure 名单程序", description = "Every listing of the caller's region, "
      + "newest proposal first, optionally in one state (PROPOSED, NOTIFIED, DECIDED, LISTED, NOT_LISTED, WITHDRAWN, "
      + "REMOVED).")
  @GetMapping("/proposals")
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN')")
  public PageView<ListingView> proposals(@ParameterObject @Valid PageRequest page,
      @Parameter(example = "NOTIFIED") @RequestParam(required = false) ListingState state) {
    return blacklist.procedures(Callers.current(), state, page.offset(), page.sizeOrDefault()).map(this::view);
  }

  @Operation(summary = "One listing 名单条目", description = "A listing in any state, with its ETag.")
  @GetMapping({"/{id}", "/proposals/{id}"})
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN', 'PARTNER')")
  public ResponseEntity<ListingView> get(@PathVariable String id) {
    return respond(blacklist.get(Callers.current(), id));
  }

  @Operation(summary = "Propose a listing 提出列入建议", description = "By an officer of the enterprise's region, "
      + "for a penalty decision credit knows of and that is not revoked (else 422 no-penalty-decision). The same "
      + "enterprise, trigger and decision proposed twice answers 409 already-proposed with the listing's link. The "
      + "enterprise's principal (主要负责人) is named from its registration; further persons may be given, their ID "
      + "numbers are kept masked only.")
  @PostMapping("/proposals")
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
  public ResponseEntity<ListingView> propose(@Valid @RequestBody ListingRequests.Propose request) {
    Listing proposed = blacklist.propose(Callers.current(), new ListingCommands.Propose(request.uscc(),
        request.trigger(), request.caseId().strip(), request.grounds(),
        ListingRequests.persons("persons", request.persons())));
    return ResponseEntity.created(URI.create("/api/credit/blacklist/" + proposed.id()))
        .eTag(ETags.of(proposed.version())).body(view(proposed));
  }

  @Operation(summary = "Notify the party 告知", description = "PROPOSED → NOTIFIED. The objection window of 5 "
      + "working days runs from the day the written notice was served (servedAt, default now); persons adds further "
      + "responsible persons." + STEP)
  @PostMapping("/proposals/{id}/notice")
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
  public ResponseEntity<ListingView> notice(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ListingRequests.Notice request) {
    ListingRequests.Notice notice = request == null ? new ListingRequests.Notice(null, null) : request;
    return respond(blacklist.notifyParty(Callers.current(), id, ifMatch, new ListingCommands.Notify(
        instant(notice.servedAt()), ListingRequests.persons("persons", notice.persons()))));
  }

  @Operation(summary = "Record the party's objection 异议", description = "While NOTIFIED, received no later than "
      + "the window's last day (else 422 objection-late with objectionLastDay); once." + STEP)
  @PostMapping("/proposals/{id}/objection")
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
  public ResponseEntity<ListingView> objection(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody ListingRequests.Objection request) {
    return respond(blacklist.recordObjection(Callers.current(), id, ifMatch, new ListingCommands.RecordObjection(
        instant(request.receivedAt()), request.statement())));
  }

  @Operation(summary = "Decide 列入决定", description = "NOTIFIED → DECIDED (list: true) or NOT_LISTED, by a "
      + "supervisor of the deciding authority (403 supervisor-only otherwise), after the objection window (else 422 "
      + "objection-window-open); objectionReview is required when the party objected. The 3-year term runs from the "
      + "day of the decision; publication is due within 20 working days." + STEP)
  @PostMapping("/proposals/{id}/decision")
  @PreAuthorize("hasRole('SUPERVISOR')")
  public ResponseEntity<ListingView> decision(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody ListingRequests.Decision request) {
    return respond(blacklist.decide(Callers.current(), id, ifMatch, new ListingCommands.Decide(request.list(),
        request.reason(), request.objectionReview(), request.decidingAuthority(), instant(request.decidedAt()))));
  }

  @Operation(summary = "Publish 公示", description = "DECIDED → LISTED: the entry is in force and "
      + "credit.blacklist.entered goes out with every department's measures. The body is empty or {}." + STEP)
  @PostMapping("/proposals/{id}/publication")
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
  public ResponseEntity<ListingView> publication(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody(required = false) ListingRequests.Empty request) {
    return respond(blacklist.publish(Callers.current(), id, ifMatch));
  }

  @Operation(summary = "An unknown step", description = "Answers 404 no-such-step with the steps there are.")
  @PostMapping("/proposals/{id}/{step}")
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
  public ResponseEntity<ListingView> unknownStep(@PathVariable String id, @PathVariable String step) {
    throw new DomainException(ProblemKind.NOT_FOUND, "no-such-step", "there is no step '" + step + "'")
        .with("steps", Arrays.stream(ListingStep.values()).map(ListingStep::path).toList());
  }

  @Operation(summary = "Apply for credit repair 信用修复申请", description = "For an entry in force, from 12 months "
      + "after its decision (else 422 repair-too-early with earliestDate); one application at a time (409 "
      + "repair-pending). The party shows the violation corrected, its public credit commitment and the safety "
      + "training done." + STEP)
  @PostMapping("/{id}/repairs")
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN')")
  public ResponseEntity<ListingView> applyForRepair(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody ListingRequests.Repair request) {
    Listing changed = blacklist.applyForRepair(Callers.current(), id, ifMatch, new ListingCommands.ApplyForRepair(
        request.correction(), request.commitment(), request.training()));
    String repairId = changed.repairs().get(changed.repairs().size() - 1).id();
    return ResponseEntity.created(URI.create("/api/credit/blacklist/" + id + "/repairs/" + repairId))
        .eTag(ETags.of(changed.version())).body(view(changed));
  }

  @Operation(summary = "Decide a repair application 信用修复审核", description = "approval: checks that the penalty "
      + "was carried out (enforcement closed the case; else 422 repair-conditions-unmet), then takes the entry off "
      + "the list and announces credit.blacklist.removed (REPAIRED). rejection: keeps it listed. Both need a reason."
      + STEP)
  @PostMapping("/{id}/repairs/{repairId}/{step}")
  @PreAuthorize("hasAnyRole('SUPERVISOR', 'CREDIT_ADMIN')")
  public ResponseEntity<ListingView> decideRepair(@PathVariable String id, @PathVariable String repairId,
      @PathVariable String step, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody ListingRequests.Reason request) {
    Listing changed = switch (step) {
      case "approval" -> blacklist.approveRepair(Callers.current(), id, repairId, ifMatch, request.reason());
      case "rejection" -> blacklist.rejectRepair(Callers.current(), id, repairId, ifMatch, request.reason());
      default -> throw new DomainException(ProblemKind.NOT_FOUND, "no-such-step", "there is no step '" + step + "'")
          .with("steps", java.util.List.of("approval", "rejection"));
    };
    return respond(changed);
  }

  @Operation(summary = "Restore after a fraudulent repair 撤销修复、恢复列入", description = "Only an entry removed by "
      + "repair, and only before its original end date: listed again until then, announced as "
      + "credit.blacklist.restored." + STEP)
  @PostMapping("/{id}/restoration")
  @PreAuthorize("hasRole('CREDIT_ADMIN')")
  public ResponseEntity<ListingView> restore(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody ListingRequests.Reason request) {
    return respond(blacklist.restore(Callers.current(), id, ifMatch, request.reason()));
  }

  private ResponseEntity<ListingView> respond(Listing listing) {
    return ResponseEntity.ok().eTag(ETags.of(listing.version())).body(view(listing));
  }

  private ListingView view(Listing listing) {
    return ListingView.of(listing, blacklist.rules(), clock.instant());
  }

  private static Instant instant(OffsetDateTime at) {
    return at == null ? null : at.toInstant();
  }

}
