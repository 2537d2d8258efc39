package cn.worksafety.credit.publicquery.web;

import cn.worksafety.credit.creditfile.application.CreditFileService;
import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.Rating;
import cn.worksafety.credit.creditfile.web.RecordView;
import cn.worksafety.platform.web.PageRequest;
import cn.worksafety.platform.web.PageView;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public credit standing: open to anyone, showing only records still inside their publication period. */
@RestController
@RequestMapping("/api/public/enterprises")
public class PublicEnterpriseController {
  private final CreditFileService files;
  private final Clock clock;

  public PublicEnterpriseController(CreditFileService files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  public record Summary(String uscc, String name, String region, String grade, int score) {}

  public record Standing(String uscc, String name, String region, String industry, String grade, int score,
      OffsetDateTime ratedAt, List<RecordView> records) {}

  @GetMapping
  public PageView<Summary> search(@RequestParam(required = false) @Size(max = 100) String q,
      @Valid PageRequest page) {
    return files.search(q, page.offset(), page.sizeOrDefault()).map(f -> {
      Rating now = files.ratingAt(f, clock.instant());
      return new Summary(f.uscc(), f.profile().name(), f.profile().region(), now.grade().name(), now.score());
    });
  }

  /** When the grade shown took effect: the stored rating's time, unless records have aged out since. */
  private static java.time.Instant ratedAt(CreditFile f, Rating now) {
    return now.differsFrom(f.rating()) ? now.effectiveAt() : f.rating().effectiveAt();
  }

  @GetMapping("/{uscc}")
  public Standing standing(@PathVariable String uscc) {
    CreditFile f = files.get(uscc);
    Rating now = files.ratingAt(f, clock.instant());
    java.time.Instant at = now.effectiveAt();
    return new Standing(f.uscc(), f.profile().name(), f.profile().region(), f.profile().industry(),
        now.grade().name(), now.score(), ratedAt(f, now).atZone(clock.getZone()).toOffsetDateTime(),
        f.records().stream().filter(r -> r.activeAt(at, clock.getZone()))
            .map(r -> RecordView.of(r, at, clock.getZone())).toList());
  }
}
