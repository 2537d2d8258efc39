package cn.worksafety.credit.sanction.web;

import cn.worksafety.credit.sanction.application.SanctionService;
import cn.worksafety.credit.sanction.model.MeasureReport;
import cn.worksafety.credit.sanction.model.Outcome;
import cn.worksafety.credit.sanction.model.SanctionTask;
import cn.worksafety.credit.sanction.model.TaskStatus;
import cn.worksafety.platform.security.Callers;
import cn.worksafety.platform.web.PageRequest;
import cn.worksafety.platform.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sanction tasks", description = "发起 → 响应 → 反馈 One task per listing and department whose measures "
    + "the entry carries: the department acknowledges it, reports each measure APPLIED or NOT_APPLICABLE, and "
    + "LIFTED after the entry's removal. A round not answered within the working days configured is overdue.")
@RequestMapping("/api/credit/sanctions")
@PreAuthorize("hasAnyRole('CREDIT_ADMIN', 'PARTNER')")
public class SanctionController {
  private final SanctionService sanctions;
  private final SanctionViews views;

  public SanctionController(SanctionService sanctions, SanctionViews views) {
    this.sanctions = sanctions;
    this.views = views;
  }

  public record TaskFilter(
      @Parameter(description = "only this listing's tasks") @Size(max = 64) String entryId,
      @Parameter(description = "only this department's (a partner always sees only its own)")
      @Pattern(regexp = "[a-z0-9-]{2,32}") String department,
      @Parameter(description = "only tasks in this status") TaskStatus status,
      @Parameter(description = "only overdue (true) or only not overdue (false) tasks") Boolean overdue) {

    boolean matches(SanctionTask t, boolean isOverdue) {
      return (entryId == null || entryId.equals(t.entryId()))
          && (department == null || department.equals(t.department()))
          && (status == null || status == t.status()) && (overdue == null || overdue == isOverdue);
    }
  }

  public record MeasureFeedback(
      @Schema(example = "M-GOVERNMENT-PROCUREMENT") @NotBlank @Size(max = 64) String measure,
      @NotNull Outcome outcome,
      @Schema(description = "the department's own reference; required for APPLIED", example = "财采限〔2026〕118号")
      @Size(max = 100) String reference,
      @Schema(description = "when it was applied or lifted; required for APPLIED and LIFTED", example = "2026-12-01")
      LocalDate date,
      @Schema(description = "why it does not apply; required for NOT_APPLICABLE") @Size(max = 500) String reason) {}

  public record IssueMissing(
      @Schema(description = "an entry in force", example = "BL-2026-000118")
      @NotBlank @Size(max = 64) String entryId) {}

  public record Issued(String entryId, int issued, List<SanctionViews.TaskView> tasks) {}

  public record Report(@NotEmpty @Size(max = 50) List<@Valid @NotNull MeasureFeedback> measures) {}

  /** Per listing: how many departments stand where, and how many are overdue. */
  public record ListingProgress(String entryId, String uscc, String unitName, Map<TaskStatus, Integer> byStatus,
      int overdue, int departments) {}

  @Operation(summary = "Sanction tasks", description = "A partner sees its own department's tasks; an administrator "
      + "every department's, filtered by listing, department, status and overdue.")
  @GetMapping
  public PageView<SanctionViews.TaskView> list(@ParameterObject @Valid TaskFilter filter,
      @ParameterObject @Valid PageRequest page) {
    List<SanctionTask> matching = sanctions.visibleTo(Callers.current()).stream()
        .filter(t -> filter.matches(t, views.overdue(t))).toList();
    return PageView.slice(matching, page.offset(), page.sizeOrDefault()).map(views::of);
  }

  @Operation(summary = "Progress per listing", description = "For every listing with tasks: departments by status "
      + "and how many are overdue — which listings are carried out everywhere and which are not.")
  @PreAuthorize("hasRole('CREDIT_ADMIN')")
  @GetMapping("/progress")
  public List<ListingProgress> progress() {
    Map<String, List<SanctionTask>> byEntry = new TreeMap<>();
    sanctions.visibleTo(Callers.current()).forEach(t -> byEntry.computeIfAbsent(t.entryId(), k -> new ArrayList<>())
        .add(t));
    return byEntry.values().stream().map(this::progress).sorted(Comparator.comparing(ListingProgress::entryId))
        .toList();
  }

  @Operation(summary = "Issue missing tasks for an entry (发起)", description = "For an entry in force: a task for "
      + "each department registered since its publication, or otherwise without one, whose measures apply; "
      + "tasks there already stay as they are. 409 for an entry not in force.")
  @PreAuthorize("hasRole('CREDIT_ADMIN')")
  @PostMapping
  public Issued issueMissing(@Valid @RequestBody IssueMissing request) {
    int issued = sanctions.issueMissing(request.entryId());
    return new Issued(request.entryId(), issued, sanctions.ofEntry(request.entryId()).stream().map(views::of).toList());
  }

  @GetMapping("/{id}")
  public SanctionViews.TaskView get(@PathVariable String id) {
    return views.of(sanctions.get(id, Callers.current()));
  }

  @Operation(summary = "Acknowledge a task (响应)", description = "The department has received the listing and "
      + "will apply its measures. Acknowledging again changes nothing.")
  @PreAuthorize("hasRole('PARTNER')")
  @PostMapping("/{id}/acknowledgement")
  public SanctionViews.TaskView acknowledge(@PathVariable String id) {
    return views.of(sanctions.acknowledge(id, Callers.current()));
  }

  @Operation(summary = "Report feedback (反馈)", description = "Per measure: APPLIED with the department's reference "
      + "and date, NOT_APPLICABLE with a reason, or LIFTED (after removal) with a date. 409 before the "
      + "acknowledgement or for an outcome the entry's state does not allow, naming what is allowed.")
  @PreAuthorize("hasRole('PARTNER')")
  @PostMapping("/{id}/feedback")
  public SanctionViews.TaskView feedback(@PathVariable String id, @Valid @RequestBody Report report) {
    List<MeasureReport> reports = report.measures().stream()
        .map(m -> new MeasureReport(m.measure(), m.outcome(), m.reference(), m.date(), m.reason())).toList();
    return views.of(sanctions.report(id, reports, Callers.current()));
  }

  private ListingProgress progress(List<SanctionTask> tasks) {
    Map<TaskStatus, Integer> byStatus = new EnumMap<>(TaskStatus.class);
    for (TaskStatus s : TaskStatus.values()) {
      byStatus.put(s, 0);
    }
    int overdue = 0;
    for (SanctionTask t : tasks) {
      byStatus.merge(t.status(), 1, Integer::sum);
      overdue += views.overdue(t) ? 1 : 0;
    }
    SanctionTask first = tasks.get(0);
    return new ListingProgress(first.entryId(), first.uscc(), first.unitName(), byStatus, overdue, tasks.size());
  }
}
