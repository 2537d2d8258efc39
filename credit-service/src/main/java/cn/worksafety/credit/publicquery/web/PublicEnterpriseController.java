package cn.worksafety.credit.publicquery.web;

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
    + "by name or code, suggestions while typing, and one enterprise's standing — grade and score band, the records "
    + "still inside their publication period, and whether it stands on the serious-dishonesty list with the entry's "
    + "dates, measures and persons (ID numbers masked).")
@RequestMapping("/api/public/enterprises")
public class PublicEnterpriseController {
  private final PublicQueryService query;
  private final Clock clock;

  public PublicEnterpriseController(PublicQueryService query, Clock clock) {
    this.query = query;
    this.clock = clock;
  }

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

  @Operation(summary = "An enterprise's standing 企业信用状况", description = "Grade and score band now, the records "
      + "still inside their publication period, and the list status: whether the enterprise stands on the "
      + "serious-dishonesty list now and, if so, each entry's term (start and end date), publication, "
      + "repair-eligible date and persons, with the joint-sanction measures. A malformed code answers 400, an "
      + "unknown one 404. Answers while the name index is built.")
  @GetMapping("/{uscc}")
  public StandingView standing(@Parameter(example = "914403001922038216") @PathVariable String uscc) {
    return StandingView.of(query.standing(uscc), clock.getZone());
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
