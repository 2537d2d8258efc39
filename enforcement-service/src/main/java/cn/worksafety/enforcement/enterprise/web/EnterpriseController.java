package cn.worksafety.enforcement.enterprise.web;

import cn.worksafety.enforcement.enterprise.application.EnterpriseService;
import cn.worksafety.enforcement.enterprise.model.Enterprise;
import cn.worksafety.platform.security.Callers;
import cn.worksafety.platform.web.ETags;
import cn.worksafety.platform.web.PageRequest;
import cn.worksafety.platform.web.PageView;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/enforcement/enterprises")
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
public class EnterpriseController {
  private final EnterpriseService enterprises;
  private final Clock clock;

  public EnterpriseController(EnterpriseService enterprises, Clock clock) {
    this.enterprises = enterprises;
    this.clock = clock;
  }

  @PostMapping
  public ResponseEntity<EnterpriseView> register(@Valid @RequestBody RegisterEnterpriseRequest request) {
    Enterprise registered = enterprises.register(Callers.current(), request.uscc(), request.name(), request.region(),
        request.industry(), request.standardizationGrade());
    return ResponseEntity.created(URI.create("/api/enforcement/enterprises/" + registered.uscc()))
        .eTag(ETags.of(registered.version())).body(EnterpriseView.of(registered, clock.getZone()));
  }

  @GetMapping("/{uscc}")
  public ResponseEntity<EnterpriseView> get(@PathVariable String uscc) {
    Enterprise enterprise = enterprises.get(Callers.current(), uscc);
    return ResponseEntity.ok().eTag(ETags.of(enterprise.version())).body(EnterpriseView.of(enterprise, clock.getZone()));
  }

  @GetMapping
  public PageView<EnterpriseView> list(@Valid PageRequest page) {
    return enterprises.list(Callers.current(), page.offset(), page.sizeOrDefault())
        .map(e -> EnterpriseView.of(e, clock.getZone()));
  }
}
