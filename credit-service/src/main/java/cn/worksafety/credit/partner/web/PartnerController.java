package cn.worksafety.credit.partner.web;

import cn.worksafety.credit.partner.application.PartnerService;
import cn.worksafety.credit.partner.model.BrokerCredentials;
import cn.worksafety.credit.partner.model.Partner;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Partner departments", description = "联合惩戒成员单位 Member departments: their measures, the credit "
    + "events they receive, their queue and broker credentials.")
@RequestMapping("/api/credit/partners")
@PreAuthorize("hasRole('CREDIT_ADMIN')")
public class PartnerController {
  private final PartnerService partners;
  private final Clock clock;

  public PartnerController(PartnerService partners, Clock clock) {
    this.partners = partners;
    this.clock = clock;
  }

  public record RegisterPartner(
      @Schema(example = "ndrc") @NotBlank String code,
      @Schema(example = "国家发展和改革委员会") @NotBlank @Size(max = 100) String name,
      @Schema(description = "measure codes from the catalogue", example = "[\"M-PROJECT-APPROVAL\", \"M-BOND-ISSUE\"]")
      @NotNull @Size(max = 50) List<@NotBlank @Size(max = 64) String> measures,
      @Schema(description = "credit event types its queue receives; leave out for all (a gap-free sequence)",
          example = "[\"credit.blacklist.entered\", \"credit.blacklist.removed\"]")
      @Size(max = 20) List<@NotBlank @Size(max = 64) String> eventTypes,
      @Schema(description = "for a department without AMQP: events are posted here, signed; https, public "
          + "addresses only (or a trusted target)", example = "https://sanctions.example.gov.cn/credit-events")
      @Size(max = 2000) String webhookUrl) {}

  public record UpdatePartner(
      @Schema(example = "国家发展和改革委员会") @NotBlank @Size(max = 100) String name,
      @Schema(description = "measure codes from the catalogue", example = "[\"M-PROJECT-APPROVAL\"]")
      @NotNull @Size(max = 50) List<@NotBlank @Size(max = 64) String> measures,
      @Schema(description = "credit event types its queue receives; empty or left out for all",
          example = "[\"credit.blacklist.entered\", \"credit.blacklist.removed\"]")
      @Size(max = 20) List<@NotBlank @Size(max = 64) String> eventTypes) {}

  public record PartnerView(String code, String name, List<String> measures, List<String> eventTypes, String queue,
      String deadLetterQueue, String brokerUser, String webhookUrl, OffsetDateTime registeredAt) {}

  /**
   * The only answers that carry a password or webhook secret: neither can be read again. A department
   * gets broker {@code credentials}, or a {@code webhookSecret} if it registered a webhook.
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record WithCredentials(PartnerView partner, BrokerCredentials credentials, String webhookSecret) {

    WithCredentials(PartnerView partner, PartnerService.Access access) {
      this(partner, access.credentials(), access.webhookSecret());
    }
  }

  @Operation(summary = "Register a department", description = "Provisions its quorum queue, dead-letter queue and "
      + "a broker user that can read only its queue, through the RabbitMQ management API; or, with a `webhookUrl`, "
      + "posts its queue to that URL, signed with a secret. The password or secret is in this answer only. 409 for "
      + "a code already registered; 400 for a webhook URL that is not https or points at an internal address; "
      + "503 when the management API cannot be reached.")
  @PostMapping
  public ResponseEntity<WithCredentials> register(@Valid @RequestBody RegisterPartner request) {
    PartnerService.Registered registered = partners.register(request.code(), request.name(), request.measures(),
        request.eventTypes() == null ? List.of() : request.eventTypes(), request.webhookUrl());
    return ResponseEntity.created(URI.create("/api/credit/partners/" + registered.partner().code()))
        .body(new WithCredentials(view(registered.partner()), registered.access()));
  }

  @Operation(summary = "Change a department", description = "Its name, the measures it applies and the event "
      + "types its queue receives: the queue is rebound at once. Code, queue, credentials and webhook stay.")
  @PutMapping("/{code}")
  public PartnerView update(@PathVariable String code, @Valid @RequestBody UpdatePartner request) {
    return view(partners.update(code, request.name(), request.measures(),
        request.eventTypes() == null ? List.of() : request.eventTypes()));
  }

  @Operation(summary = "New credentials", description = "For a lost or leaked password or webhook secret: the old "
      + "one stops working at once (open broker connections are closed), the new one is in this answer only.")
  @PostMapping("/{code}/credentials")
  public WithCredentials renewCredentials(@PathVariable String code) {
    PartnerService.Access access = partners.renewAccess(code);
    return new WithCredentials(view(partners.get(code)), access);
  }

  @Operation(summary = "Remove a department", description = "Deletes its broker user (closing its connections) and "
      + "its queues; its sanction tasks stay on record.")
  @DeleteMapping("/{code}")
  public ResponseEntity<Void> remove(@PathVariable String code) {
    partners.remove(code);
    return ResponseEntity.noContent().build();
  }

  @GetMapping
  public List<PartnerView> list() {
    return partners.all().stream().map(this::view).toList();
  }

  @GetMapping("/{code}")
  public PartnerView get(@PathVariable String code) {
    return view(partners.get(code));
  }

  private PartnerView view(Partner p) {
    return new PartnerView(p.code(), p.name(), p.measures(), p.eventTypes(), p.queue(), p.deadLetterQueue(),
        p.byWebhook() ? null : p.brokerUser(), p.byWebhook() ? p.webhook().url().toString() : null,
        p.registeredAt().atZone(clock.getZone()).toOffsetDateTime());
  }
}
