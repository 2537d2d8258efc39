package cn.worksafety.credit.supervision.web;

import cn.worksafety.credit.supervision.application.SupervisionService;
import cn.worksafety.credit.supervision.model.InspectionPlan;
import cn.worksafety.platform.security.Callers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Grade-driven supervision: a region's yearly random-inspection plan, drawn once by a supervisor or
 * credit administrator and fetched by the region's officers.
 */
@RestController
@RequestMapping("/api/credit/supervision/plans")
public class SupervisionController {
  private final SupervisionService supervision;
  private final Clock clock;

  public SupervisionController(SupervisionService supervision, Clock clock) {
    this.supervision = supervision;
    this.clock = clock;
  }

  /** @param seed optional; without one a random seed is taken, and the plan shows it */
  public record DrawRequest(@NotNull String region, @NotNull Integer year, Long seed) {}

  public record PlanView(String region, int year, String seed, OffsetDateTime drawnAt, String drawnBy,
      List<Sample> samples, Listed listed) {}

  /** Enterprises on the serious-dishonesty list, each inspected at least once per half-year. */
  public record Listed(int inspectionsPerYear, List<String> enterprises) {}

  public record Sample(String grade, int population, int percent, int sampleSize, List<String> drawn) {}

  @PostMapping
  @PreAuthorize("hasAnyRole('SUPERVISOR', 'CREDIT_ADMIN')")
  public ResponseEntity<PlanView> draw(@Valid @RequestBody DrawRequest request) {
    InspectionPlan plan = supervision.draw(request.region(), request.year(), request.seed(), Callers.current());
    return ResponseEntity.created(URI.create("/api/credit/supervision/plans/" + plan.region() + "/" + plan.year()))
        .body(view(plan));
  }

  @GetMapping("/{region}/{year}")
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN')")
  public PlanView get(@PathVariable String region, @PathVariable int year) {
    return view(supervision.get(region, year, Callers.current()));
  }

  private PlanView view(InspectionPlan p) {
    return new PlanView(p.region(), p.year(), Long.toString(p.seed()),
        p.drawnAt().atZone(clock.getZone()).toOffsetDateTime(), p.drawnBy(),
        p.samples().stream().map(s -> new Sample(s.grade().name(), s.population(), s.percent(), s.drawn().size(),
            s.drawn())).toList(),
        new Listed(InspectionPlan.LISTED_INSPECTIONS_PER_YEAR, p.listed()));
  }
}
