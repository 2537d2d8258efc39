package cn.worksafety.enforcement.accident.web;

import cn.worksafety.enforcement.accident.application.AccidentService;
import cn.worksafety.enforcement.accident.model.Accident;
import cn.worksafety.enforcement.accident.model.AccidentGrade;
import cn.worksafety.enforcement.accident.model.Figures;
import cn.worksafety.platform.security.Callers;
import cn.worksafety.platform.web.ETags;
import cn.worksafety.platform.web.PageRequest;
import cn.worksafety.platform.web.PageView;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import cn.worksafety.platform.audit.History;
import cn.worksafety.platform.web.DayRange;
import cn.worksafety.enforcement.apidocs.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Accidents: report, read, list by grade; conclusion and concealment as steps guarded by {@code If-Match}. */
@RestController
@Tag(name = "Accidents", description = "生产安全事故 Work-safety accidents: reported, then concluded by the "
    + "investigation with the established figures. The grade (一般 ORDINARY, 较大 MAJOR, 重大 SERIOUS, 特别重大 "
    + "ESPECIALLY_SERIOUS; 生产安全事故报告和调查处理条例 第三条) is the worst that deaths, serious injuries or direct "
    + "loss reach. Concealment (瞒报、谎报) is recorded as its own step. Changes are announced on enforcement.events.")
@RequestMapping("/api/enforcement/accidents")
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
public class AccidentController {
  private static final String GUARD = "Guarded by If-Match with the accident's ETag.";
  private final AccidentService accidents;
  private final Clock clock;

  public AccidentController(AccidentService accidents, Clock clock) {
    this.accidents = accidents;
    this.clock = clock;
  }

  @Operation(summary = "Report an accident 报告事故",
      description = "Reports an accident at an enterprise in the caller's region with the figures known so far; the "
          + "grade follows from them. Not in the future. Announced (enforcement.accident.reported).")
  @ApiResponse(responseCode = "201", description = "Reported; Location names it, ETag is its version",
      useReturnTypeSchema = true)
  @ApiProblems({"occurred-in-future", "figures-refused", "enterprise-not-found"})
  @PostMapping
  public ResponseEntity<AccidentView> report(@Valid @RequestBody AccidentRequests.Report request) {
    Accident reported = accidents.report(Callers.current(), request.uscc(), request.occurredAt().toInstant(),
        request.description(), new Figures(request.deaths(), request.seriousInjuries(), request.directLoss()),
        Boolean.TRUE.equals(request.concealed()));
    return ResponseEntity.created(URI.create("/api/enforcement/accidents/" + reported.id()))
        .eTag(ETags.of(reported.version())).body(AccidentView.of(reported, clock.getZone()));
  }

  @Operation(summary = "Read an accident 查看事故",
      description = "One accident with its reported and established figures, grade, state and ETag. An accident "
          + "outside the caller's region answers 404.")
  @GetMapping("/{id}")
  public ResponseEntity<AccidentView> get(@PathVariable String id) {
    return view(accidents.get(Callers.current(), id));
  }

  @Operation(summary = "An accident's audit trail 事故变更记录",
      description = "Who changed the accident record, when, from which request and what changed, oldest first. "
          + "Read-only.")
  @GetMapping("/{id}/history")
  public History history(@PathVariable String id) {
    return new History(id, accidents.history(Callers.current(), id));
  }

  @Operation(summary = "List accidents 事故列表",
      description = "Accidents in the caller's region, by grade and by inclusive day range of occurrence in "
          + "Asia/Shanghai. A token without a region claim cannot list.")
  @ApiProblems({"occurredFrom-after-to", "no-region"})
  @GetMapping
  public PageView<AccidentView> list(@ParameterObject @Valid PageRequest page,
      @Parameter(description = "only accidents of this grade (as the figures in force give it)", example = "MAJOR")
      @RequestParam(required = false) AccidentGrade grade,
      @Parameter(description = "occurred on or after this day (Asia/Shanghai)", example = "2026-01-01")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredFrom,
      @Parameter(description = "occurred on or before this day", example = "2026-12-31")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredTo) {
    return accidents.list(Callers.current(), grade, DayRange.of("occurredFrom", occurredFrom, occurredTo),
        page.offset(), page.sizeOrDefault())
        .map(a -> AccidentView.of(a, clock.getZone()));
  }

  @Operation(summary = "Conclude the investigation 事故调查结论",
      description = "REPORTED → CONCLUDED with the figures the investigation established, which then decide the "
          + "grade; concealed marks it concealed or falsely reported. Once only. Announced "
          + "(enforcement.accident.concluded). " + GUARD)
  @ApiProblems({"figures-refused", "accident-concluded"})
  @PostMapping("/{id}/conclusion")
  public ResponseEntity<AccidentView> conclusion(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody AccidentRequests.Conclusion request) {
    return view(accidents.conclude(Callers.current(), id, ifMatch,
        new Figures(request.deaths(), request.seriousInjuries(), request.directLoss()),
        Boolean.TRUE.equals(request.concealed())));
  }

  @Operation(summary = "Record concealment 认定瞒报谎报",
      description = "Records that the accident was concealed or falsely reported, before or after conclusion; once "
          + "only. After conclusion the established facts are announced again. " + GUARD)
  @ApiProblems("already-recorded")
  @PostMapping("/{id}/concealment")
  public ResponseEntity<AccidentView> concealment(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody AccidentRequests.Concealment request) {
    return view(accidents.recordConcealment(Callers.current(), id, ifMatch, request.note()));
  }

  private ResponseEntity<AccidentView> view(Accident a) {
    return ResponseEntity.ok().eTag(ETags.of(a.version())).body(AccidentView.of(a, clock.getZone()));
  }
}
