package cn.worksafety.enforcement.inspection.web;

import cn.worksafety.enforcement.inspection.application.InspectionService;
import cn.worksafety.enforcement.inspection.model.HazardStatus;
import cn.worksafety.enforcement.inspection.model.Inspection;
import cn.worksafety.platform.audit.History;
import cn.worksafety.platform.security.Callers;
import cn.worksafety.platform.web.ETags;
import cn.worksafety.platform.web.PageRequest;
import cn.worksafety.platform.web.PageView;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
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
@RequestMapping("/api/enforcement/inspections")
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
public class InspectionController {
  private final InspectionService inspections;

  public InspectionController(InspectionService inspections) {
    this.inspections = inspections;
  }

  @PostMapping
  public ResponseEntity<InspectionView> record(@Valid @RequestBody InspectionRequests.RecordInspection request) {
    List<InspectionRequests.NewHazard> hazards = request.hazards() == null ? List.of() : request.hazards();
    Inspection recorded = inspections.record(Callers.current(), request.uscc(), request.inspectedAt().toInstant(),
        request.officers(), request.findings(), hazards.stream().map(InspectionRequests.NewHazard::toFinding).toList());
    return ResponseEntity.created(URI.create("/api/enforcement/inspections/" + recorded.id()))
        .eTag(ETags.of(recorded.version())).body(view(recorded));
  }

  @GetMapping("/{id}")
  public ResponseEntity<InspectionView> get(@PathVariable String id) {
    return respond(inspections.get(Callers.current(), id));
  }

  @GetMapping("/{id}/history")
  public History history(@PathVariable String id) {
    return new History(id, inspections.history(Callers.current(), id));
  }

  @GetMapping
  public PageView<InspectionView> list(@Valid PageRequest page,
      @RequestParam(required = false) String uscc,
      @Parameter(description = "inspected on or after this day (Asia/Shanghai)")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @Parameter(description = "inspected on or before this day (Asia/Shanghai)")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @Parameter(description = "only inspections with at least one hazard in this status today")
      @RequestParam(required = false) HazardStatus hazardStatus) {
    return inspections.list(Callers.current(), uscc, from, to, hazardStatus, page.offset(), page.sizeOrDefault())
        .map(this::view);
  }

  @PostMapping("/{id}/hazards")
  public ResponseEntity<InspectionView> addHazard(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody InspectionRequests.NewHazard request) {
    return respond(inspections.addHazard(Callers.current(), id, ifMatch, request.toFinding()));
  }

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
