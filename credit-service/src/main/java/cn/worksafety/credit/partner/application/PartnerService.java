package cn.worksafety.credit.partner.application;

import cn.worksafety.credit.partner.model.Partner;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import java.time.Clock;
import java.util.List;
import org.springframework.stereotype.Service;

/** Registering member departments. The queue comes first, so a registered partner always has one. */
@Service
public class PartnerService {
  private final Partners partners;
  private final PartnerChannels channels;
  private final Clock clock;

  public PartnerService(Partners partners, PartnerChannels channels, Clock clock) {
    this.partners = partners;
    this.channels = channels;
    this.clock = clock;
  }

  public Partner register(String code, String name, List<String> measures) {
    Partner partner = new Partner(code, name.strip(), measures, clock.instant());
    if (partners.find(code).isPresent()) {
      throw duplicate(code);
    }
    channels.provision(partner);
    if (!partners.add(partner)) {
      throw duplicate(code);
    }
    return partner;
  }

  public Partner get(String code) {
    return partners.find(code).orElseThrow(() -> DomainException.notFound("partner", code));
  }

  public List<Partner> all() {
    return partners.all();
  }

  private static DomainException duplicate(String code) {
    return new DomainException(ProblemKind.CONFLICT, "duplicate-partner", "partner " + code + " is already registered")
        .with("code", code);
  }
}
