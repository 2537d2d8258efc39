package cn.worksafety.credit.replay.web;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.Exchanges;
import cn.worksafety.platform.outbox.EventLog;
import cn.worksafety.platform.problem.DomainException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@Tag(name = "Event replay", description = "Every event credit-service has published on credit.events, in "
    + "sequence order, exactly as it was published (same CloudEvents id and sequence). A department that finds a "
    + "gap in the sequence numbers it received, or was away longer than its queue kept messages, reads from here.")
@RequestMapping("/api/credit/events")
@PreAuthorize("hasAnyRole('PARTNER', 'CREDIT_ADMIN')")
public class EventReplayController {
  static final int MAX_LIMIT = 1000;
  private final EventLog log;
  private final JsonMapper json;

  public EventReplayController(EventLog log, JsonMapper json) {
    this.log = log;
    this.json = json;
  }

  /**
   * @param events the published CloudEvents, in order
   * @param after the sequence number asked for
   * @param next the {@code after} of the next page: the last sequence number here, or {@code after}
   *     when there was nothing new
   * @param more whether more events follow (ask again with {@code after=next})
   */
  public record ReplayPage(List<JsonNode> events, long after, long next, boolean more) {}

  @Operation(summary = "Replay published credit events",
      description = "The events with sequence numbers after `after`, at most `limit`, oldest first. Poll with "
          + "`after` set to the previous page's `next`; `more` says whether to ask again at once. With `types`, "
          + "only events of those types are given, from the same `limit` numbers: a department bound to some "
          + "types learns that the numbers between are others' events without reading them.")
  @GetMapping
  public ReplayPage after(
      @Parameter(description = "the last sequence number already held; 0 for the beginning", example = "0")
      @RequestParam(defaultValue = "0") @Min(0) long after,
      @Parameter(description = "sequence numbers per page, 1 to 1000; default 100", example = "100")
      @RequestParam(defaultValue = "100") @Min(1) @Max(MAX_LIMIT) int limit,
      @Parameter(description = "credit event types to give, comma-separated; all when left out",
          example = "credit.blacklist.entered,credit.blacklist.removed")
      @RequestParam(required = false) @Size(max = 20) List<@Size(max = 64) String> types) {
    Set<String> wanted = types == null ? Set.of() : Set.copyOf(types);
    List<String> unknown = EventType.notOn(Exchanges.CREDIT, wanted);
    if (!unknown.isEmpty()) {
      throw DomainException.invalid("types", "not credit event types: " + unknown);
    }
    List<EventLog.Logged> page = log.after(after, limit + 1);
    boolean more = page.size() > limit;
    List<EventLog.Logged> shown = more ? page.subList(0, limit) : page;
    long next = shown.isEmpty() ? after : shown.get(shown.size() - 1).sequence();
    List<JsonNode> events = shown.stream().map(e -> json.readTree(e.envelope()))
        .filter(e -> wanted.isEmpty() || wanted.contains(e.get("type").asString())).toList();
    return new ReplayPage(events, after, next, more);
  }
}
