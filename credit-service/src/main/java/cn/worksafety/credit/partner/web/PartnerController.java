package cn.worksafety.credit.partner.web;

import cn.worksafety.credit.partner.application.PartnerService;
import cn.worksafety.credit.partner.model.Partner;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
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
      @Schema(example = "[\"restrict project approval\"]")
      @NotNull @Size(max = 50) List<@NotBlank @Size(max = 200) String> measures) {}

  public record PartnerView(String code, String name, List<String> measures, String queue, String deadLetterQueue,
      OffsetDateTime registeredAt) {}

  @PostMapping
  public ResponseEntity<PartnerView> register(@Valid @RequestBody RegisterPartner request) {
    Partner partner = partners.register(request.code(), request.name(), request.measures());
    return ResponseEntity.created(URI.create("/api/credit/partners/" + partner.code())).body(view(partner));
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
    return new PartnerView(p.code(), p.name(), p.measures(), p.queue(), p.deadLetterQueue(),
        p.registeredAt().atZone(clock.getZone()).toOffsetDateTime());
  }
}
