package cn.worksafety.credit.screening.web;

import cn.worksafety.credit.screening.application.ScreeningService;
import cn.worksafety.credit.screening.model.Match;
import cn.worksafety.credit.screening.model.ScreeningQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Screening", description = "A department checks a batch of its own parties against the serious-"
    + "dishonesty list in force now: an equal USCC is certain (score 1); names are compared after normalising "
    + "full/half width, brackets, punctuation, spaces and the company form (有限公司, 有限责任公司, …): equal names "
    + "score 0.95, close names their character-pair overlap.")
@RequestMapping("/api/credit/screening")
@PreAuthorize("hasAnyRole('PARTNER', 'CREDIT_ADMIN')")
public class ScreeningController {
  static final double DEFAULT_THRESHOLD = 0.8;
  private final ScreeningService screening;
  private final Clock clock;

  public ScreeningController(ScreeningService screening, Clock clock) {
    this.screening = screening;
    this.clock = clock;
  }

  public record ScreeningRequest(
      @Schema(description = "the lowest score reported, above 0 and at most 1; default 0.8", example = "0.8")
      @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double threshold,
      @Schema(description = "1 to 1,000 queries, each with a uscc, a name or both")
      @NotEmpty @Size(max = 1000) List<@NotNull @Valid Query> queries) {}

  public record Query(
      @Schema(description = "the department's own reference, echoed back", example = "合同-2026-0117")
      @Size(max = 64) String ref,
      @Schema(example = "914403001922038216")
      @Pattern(regexp = "^[0-9A-Za-z]{18}$", message = "must be 18 letters or digits") String uscc,
      @Schema(example = "深圳市示例化工有限公司") @Size(max = 200) String name) {}

  public record MatchView(String entryId, String uscc, String unitName, LocalDate startDate, LocalDate endDate,
      double score, String reason, String detail) {}

  public record Result(int index, String ref, String uscc, String name, List<MatchView> matches) {}

  public record ScreeningView(OffsetDateTime asOf, double threshold, List<Result> results) {}

  @Operation(summary = "Screen parties against the list 名单筛查",
      description = "Answers each query, in the order given, with the entries in force that score at least the "
          + "threshold, surest first, each with its reason.")
  @PostMapping
  public ScreeningView screen(@Valid @RequestBody ScreeningRequest request) {
    double threshold = request.threshold() == null ? DEFAULT_THRESHOLD : request.threshold();
    Instant now = clock.instant();
    List<ScreeningQuery> queries = request.queries().stream()
        .map(q -> new ScreeningQuery(q.ref(), q.uscc(), q.name())).toList();
    List<List<Match>> found = screening.screen(queries, threshold, now);
    List<Result> results = new ArrayList<>();
    for (int i = 0; i < queries.size(); i++) {
      ScreeningQuery q = queries.get(i);
      results.add(new Result(i, q.ref(), q.uscc(), q.name(), found.get(i).stream().map(ScreeningController::view)
          .toList()));
    }
    return new ScreeningView(now.atZone(clock.getZone()).toOffsetDateTime(), threshold, results);
  }

  private static MatchView view(Match m) {
    return new MatchView(m.entry().entryId(), m.entry().uscc(), m.entry().unitName(), m.entry().startDate(),
        m.entry().endDate(), m.score(), m.reason(), m.detail());
  }
}
