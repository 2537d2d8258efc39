package cn.worksafety.enforcement.inspection.web;

import cn.worksafety.enforcement.inspection.application.InspectionService;
import cn.worksafety.enforcement.inspection.model.HazardStatus;
import cn.worksafety.enforcement.inspection.model.Inspection;
import cn.worksafety.platform.audit.History;
import cn.worksafety.platform.security.Callers;
import cn.worksafety.platform.web.ETags;
import cn.worksafety.platform.web.PageRequest;
import cn.worksafety.platform.web.PageView;
import cn.worksafety.enforcement.apidocs.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
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

/**
 * Inspections, the hazards they find and the re-inspections that verify rectification. Adding a
 * hazard and recording a verification honour {@code If-Match} with the inspection's ETag.
 */
@RestController
@Tag(name = "Inspections", description = "执法检查与事故隐患 Inspections, the hazards (一般隐患/重大隐患) they find "
    + "and the re-inspections (复查) that verify rectification. A hazard's status (OPEN, OVERDUE, RECTIFIED) is "
    + "worked out from today's date in Asia/Shanghai; an overdue hazard is announced once on enforcement.events.")
@RequestMapping("/api/enforcement/inspections")
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
public class InspectionController {
  private final InspectionService inspections;

  public InspectionController(InspectionService inspections) {
    this.inspections = inspections;
  }

  @Operation(summary = "Record an inspection 记录执法检查",
      description = "Records an inspection of an enterprise in the caller's region by at least two different officers "
          + "(行政处罚法 第四十二条), with its findings and the hazards found. Not in the future; each hazard's "
          + "rectification deadline not before the inspection date.")
  @ApiResponse(responseCode = "201", description = "Recorded; Location names it, ETag is its version",
      useReturnTypeSchema = true)
  @ApiProblems({"inspected-in-future", "enterprise-not-found"})
  @PostMapping
  public ResponseEntity<InspectionView> record(@Valid @RequestBody InspectionRequests.RecordInspection request) {
    List<InspectionRequests.NewHazard> hazards = request.hazards() == null ? List.of() : request.hazards();
    Inspection recorded = inspections.record(Callers.current(), request.uscc(), request.inspectedAt().toInstant(),
        request.officers(), request.findings(), hazards.stream().map(InspectionRequests.NewHazard::toFinding).toList());
    return ResponseEntity.created(URI.create("/api/enforcement/inspections/" + recorded.id()))
        .eTag(ETags.of(recorded.version())).body(view(recorded));
  }

  @Operation(summary = "Read an inspection 查看检查记录",
      description = "One inspection with its hazards, their status today and re-inspections, and its ETag. An "
          + "inspection outside the caller's region answers 404.")
  @GetMapping("/{id}")
  public ResponseEntity<InspectionView> get(@PathVariable String id) {
    return respond(inspections.get(Callers.current(), id));
  }

  @Operation(summary = "An inspection's audit trail 检查记录变更记录",
      description = "Who changed the inspection record, when, from which request and what changed, oldest first. "
          + "Read-only.")
  @GetMapping("/{id}/history")
  public History history(@PathVariable String id) {
    return new History(id, inspections.history(Callers.current(), id));
  }

  @Operation(summary = "List inspections 检查记录列表",
      description = "Inspections in the caller's region, newest first, by enterprise, by inclusive day range in "
          + "Asia/Shanghai and by the status its hazards have today. A token without a region claim cannot list.")
  @ApiProblems({"from-after-to", "no-region"})
  @GetMapping
  public PageView<InspectionView> list(@ParameterObject @Valid PageRequest page,
      @Parameter(description = "only inspections of this enterprise (统一社会信用代码)", example = "914403001922038216")
      @RequestParam(required = false) String uscc,
      @Parameter(description = "inspected on or after this day (Asia/Shanghai)", example = "2026-11-01")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @Parameter(description = "inspected on or before this day (Asia/Shanghai)", example = "2026-11-30")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @Parameter(description = "only inspections with at least one hazard in this status today", example = "OVERDUE")
      @RequestParam(required = false) HazardStatus hazardStatus) {
    return inspections.list(Callers.current(), uscc, from, to, hazardStatus, page.offset(), page.sizeOrDefault())
        .map(this::view);
  }

  @Operation(summary = "Add a hazard 补充事故隐患",
      description = "Adds a hazard found on this inspection: its rectification deadline not before the inspection "
          + "date; at most 200 hazards per inspection.")
  @ApiProblems({"hazard-deadline-early", "too-many-hazards"})
  @PostMapping("/{id}/hazards")
  public ResponseEntity<InspectionView> addHazard(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody InspectionRequests.NewHazard request) {
    return respond(inspections.addHazard(Callers.current(), id, ifMatch, request.toFinding()));
  }

  @Operation(summary = "Record a re-inspection 记录整改复查",
      description = "Records a re-inspection (复查) of a hazard by at least two officers: RECTIFIED closes it (late "
          + "if after its deadline), NOT_RECTIFIED keeps it open. Not in the future, not before the inspection or "
          + "the previous re-inspection; a hazard verified rectified cannot be verified again.")
  @ApiProblems({"verified-out-of-order", "already-rectified", "too-many-verifications"})
  @PostMapping("/{id}/hazards/{hazardId}/verification")
  public ResponseEntity<InspectionView> verification(@PathVariable String id, @PathVariable String hazardId,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody InspectionRequests.HazardVerification request) {
    return respond(inspections.verify(Callers.current(), id, hazardId, ifMatch, request.verifiedAt().toInstant(),
        request.officers(), request.outcome(), request.note()));
  }

  private ResponseEntity<InspectionView> respond(Inspection i) {
    return ResponseEntity.ok().eTag(ETags.of(i.version())).body(view(i));
  }

  private InspectionView view(Inspection i) {
    return InspectionView.of(i, inspections.today(), inspections.zone());
  }
}
