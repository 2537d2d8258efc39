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
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
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
@RequestMapping("/api/enforcement/accidents")
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
public class AccidentController {
  private final AccidentService accidents;
  private final Clock clock;

  public AccidentController(AccidentService accidents, Clock clock) {
    this.accidents = accidents;
    this.clock = clock;
  }

  @PostMapping
  public ResponseEntity<AccidentView> report(@Valid @RequestBody AccidentRequests.Report request) {
    Accident reported = accidents.report(Callers.current(), request.uscc(), request.occurredAt().toInstant(),
        request.description(), new Figures(request.deaths(), request.seriousInjuries(), request.directLoss()),
        Boolean.TRUE.equals(request.concealed()));
    return ResponseEntity.created(URI.create("/api/enforcement/accidents/" + reported.id()))
        .eTag(ETags.of(reported.version())).body(AccidentView.of(reported, clock.getZone()));
  }

  @GetMapping("/{id}")
  public ResponseEntity<AccidentView> get(@PathVariable String id) {
    return view(accidents.get(Callers.current(), id));
  }

  @GetMapping("/{id}/history")
  public History history(@PathVariable String id) {
    return new History(id, accidents.history(Callers.current(), id));
  }

  @GetMapping
  public PageView<AccidentView> list(@Valid PageRequest page, @RequestParam(required = false) AccidentGrade grade,
      @Parameter(description = "occurred on or after this day (Asia/Shanghai)", example = "2026-01-01")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredFrom,
      @Parameter(description = "occurred on or before this day", example = "2026-12-31")
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate occurredTo) {
    return accidents.list(Callers.current(), grade, DayRange.of("occurredFrom", occurredFrom, occurredTo),
        page.offset(), page.sizeOrDefault())
        .map(a -> AccidentView.of(a, clock.getZone()));
  }

  @PostMapping("/{id}/conclusion")
  public ResponseEntity<AccidentView> conclusion(@PathVariable String id,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody AccidentRequests.Conclusion request) {
    return view(accidents.conclude(Callers.current(), id, ifMatch,
        new Figures(request.deaths(), request.seriousInjuries(), request.directLoss()),
        Boolean.TRUE.equals(request.concealed())));
  }

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
