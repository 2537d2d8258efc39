package cn.worksafety.credit.creditfile.web;

import cn.worksafety.credit.creditfile.application.CreditFileService;
import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.security.Caller;
import cn.worksafety.platform.security.Callers;
import cn.worksafety.platform.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/credit/enterprises/{uscc}")
public class CreditFileController {
  private final CreditFileService files;
  private final Clock clock;

  public CreditFileController(CreditFileService files, Clock clock) {
    this.files = files;
    this.clock = clock;
  }

  @GetMapping("/rating")
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN', 'PARTNER')")
  public RatingView rating(@PathVariable String uscc, @RequestParam(required = false) String asOf) {
    Instant at = AsOf.parse(asOf, clock);
    CreditFile file = files.get(uscc);
    return RatingView.of(uscc, files.ratingAt(file, at), clock.getZone());
  }

  @GetMapping("/rating/history")
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN', 'PARTNER')")
  public RatingHistoryView ratingHistory(@PathVariable String uscc) {
    CreditFile file = files.get(uscc);
    return RatingHistoryView.of(uscc, file.history(), clock.getZone());
  }

  @GetMapping("/records")
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN')")
  public List<RecordView> records(@PathVariable String uscc) {
    Instant now = clock.instant();
    CreditFile file = files.get(uscc);
    Caller caller = Callers.current();
    if (!caller.has(Role.CREDIT_ADMIN) && !caller.covers(file.profile().region())) {
      // officers see full records (beyond the public ones) only in their own region; elsewhere it does not exist
      throw DomainException.notFound("enterprise", uscc);
    }
    return file.records().stream().map(r -> RecordView.of(r, now, clock.getZone())).toList();
  }
}
