package cn.worksafety.credit.partner.web;

import cn.worksafety.credit.partner.application.DeadLetterService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Partner departments")
@RequestMapping("/api/credit/partners/{code}/dead-letters")
@PreAuthorize("hasRole('CREDIT_ADMIN')")
public class DeadLetterController {
  private final DeadLetterService deadLetters;

  public DeadLetterController(DeadLetterService deadLetters) {
    this.deadLetters = deadLetters;
  }

  public record Replay(
      @Schema(description = "CloudEvents ids to send back; leave out to send back any", example = "[\"7f1c…\"]")
      @Size(max = 1000) List<@NotBlank @Size(max = 200) String> ids,
      @Schema(description = "how many messages to go through, 1–1000 (default 100)", example = "100")
      @Min(1) @Max(1000) Integer limit) {}

  @Operation(summary = "A department's dead-lettered messages", description = "The poison messages its consumer "
      + "refused (`rejected`) or gave back too often (`delivery_limit`), with their CloudEvents attributes; "
      + "they stay in the dead-letter queue.")
  @GetMapping
  public DeadLetterService.Contents peek(@PathVariable String code,
      @Parameter(description = "how many to show, 1–100")
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
    return deadLetters.peek(code, limit);
  }

  @Operation(summary = "Send dead-lettered messages back", description = "Moves them, unchanged (same `id` and "
      + "`sequence`), back to the department's queue once what made them fail is fixed; each leaves the "
      + "dead-letter queue only when the broker has confirmed it back in the queue.")
  @PostMapping("/replay")
  public DeadLetterService.Replayed replay(@PathVariable String code, @Valid @RequestBody Replay request) {
    return deadLetters.replay(code, request.ids() == null ? Set.of() : Set.copyOf(request.ids()),
        request.limit() == null ? 100 : request.limit());
  }
}
