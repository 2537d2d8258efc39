package cn.worksafety.credit.publicquery.web;

import cn.worksafety.credit.creditfile.application.CreditFileService;
import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.Rating;
import cn.worksafety.credit.creditfile.web.RecordView;
import cn.worksafety.credit.publicquery.application.PublicQueryService;
import cn.worksafety.credit.publicquery.application.SearchNotReady;
import cn.worksafety.credit.publicquery.model.IndexStatus;
import cn.worksafety.platform.problem.Problems;
import cn.worksafety.platform.web.PageRequest;
import cn.worksafety.platform.web.PageView;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public credit query: open to anyone, showing only what may be published. */
@RestController
@Tag(name = "Public credit query", description = "公众查询 What anyone may look up, without a token: enterprises "
    + "by name or code, suggestions while typing, and one enterprise's standing.")
@RequestMapping("/api/public/enterprises")
public class PublicEnterpriseController {
  private final PublicQueryService query;
  private final CreditFileService files;
  private final Clock clock;

  public PublicEnterpriseController(PublicQueryService query, CreditFileService files, Clock clock) {
    this.query = query;
    this.files = files;
    this.clock = clock;
  }

  public record Standing(String uscc, String name, String region, String industry, String grade, int score,
      OffsetDateTime ratedAt, List<RecordView> records) {}

  @Operation(summary = "Find enterprises 企业查询", description = "Enterprises whose name contains q (any part of "
      + "it: full- and half-width, case, spaces and punctuation do not matter) or whose code starts with q (any "
      + "case); without q, every enterprise by code. Best first: code starts with q, then name equal to q, name "
      + "starting with q, name containing q; shorter names first within each. Each row carries the grade and score "
      + "band. Only the first 10,000 results are served. While the name index is first built after a start: 503 "
      + "search-index-building with Retry-After and the progress.")
  @GetMapping
  public PageView<SummaryView> search(
      @Parameter(description = "a part of the name, or the start of the code; at most 100 characters",
          example = "安泰") @RequestParam(required = false) @Size(max = 100) String q,
      @ParameterObject @Valid PageRequest page) {
    return query.search(q, page.offset(), page.sizeOrDefault()).map(SummaryView::of);
  }

  @Operation(summary = "Suggestions while typing 输入提示", description = "The first enterprises a search for q "
      + "finds, in the same order, without the count: code and name. 503 search-index-building like the search.")
  @GetMapping("/suggestions")
  public List<SuggestionView> suggestions(
      @Parameter(description = "what has been typed so far; 1 to 100 characters", example = "杭州安泰")
      @RequestParam(required = false) @NotBlank @Size(max = 100) String q,
      @Parameter(description = "how many, 1 to 20; default 8", example = "8")
      @RequestParam(required = false, defaultValue = "8") @Min(1) @Max(20) Integer limit) {
    return query.suggestions(q, limit).stream().map(SuggestionView::of).toList();
  }

  /** When the grade shown took effect: the stored rating's time, unless records have aged out since. */
  private static Instant ratedAt(CreditFile f, Rating now) {
    return now.differsFrom(f.rating()) ? now.effectiveAt() : f.rating().effectiveAt();
  }

  @GetMapping("/{uscc}")
  public Standing standing(@PathVariable String uscc) {
    CreditFile f = files.get(uscc);
    Rating now = files.ratingAt(f, clock.instant());
    Instant at = now.effectiveAt();
    return new Standing(f.uscc(), f.profile().name(), f.profile().region(), f.profile().industry(),
        now.grade().name(), now.score(), ratedAt(f, now).atZone(clock.getZone()).toOffsetDateTime(),
        f.records().stream().filter(r -> r.activeAt(at, clock.getZone()))
            .map(r -> RecordView.of(r, at, clock.getZone())).toList());
  }

  @ExceptionHandler(SearchNotReady.class)
  ResponseEntity<ProblemDetail> notReady(SearchNotReady e) {
    IndexStatus status = e.status();
    ProblemDetail problem = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "search-index-building",
        "Search is being prepared", e.getMessage());
    problem.setProperty("progress", Map.of("percent", status.percent(), "walked", status.walked(),
        "expected", status.expected()));
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Long.toString(status.secondsLeft(clock.instant()))).body(problem);
  }
}
