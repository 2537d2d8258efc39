package cn.worksafety.enforcement.enterprise.web;

import cn.worksafety.enforcement.enterprise.application.EnterpriseFilter;
import cn.worksafety.enforcement.enterprise.application.EnterpriseService;
import cn.worksafety.enforcement.enterprise.model.Details;
import cn.worksafety.enforcement.enterprise.model.Enterprise;
import cn.worksafety.enforcement.enterprise.model.Industry;
import cn.worksafety.enforcement.enterprise.model.LicenceStatus;
import cn.worksafety.enforcement.enterprise.model.StandardizationGrade;
import cn.worksafety.platform.audit.History;
import cn.worksafety.platform.security.Caller;
import cn.worksafety.platform.security.Callers;
import cn.worksafety.platform.security.Role;
import cn.worksafety.platform.web.ETags;
import cn.worksafety.platform.web.PageRequest;
import cn.worksafety.platform.web.PageView;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Regulated enterprises. Full ID numbers of the legal representative and principal are shown only
 * to the officers and supervisors of the enterprise's region, and only when they read one enterprise
 * (they serve documents on these persons); lists and everyone else get them masked.
 */
@RestController
@RequestMapping("/api/enforcement/enterprises")
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN')")
public class EnterpriseController {
  private final EnterpriseService enterprises;
  private final Clock clock;

  public EnterpriseController(EnterpriseService enterprises, Clock clock) {
    this.enterprises = enterprises;
    this.clock = clock;
  }

  @PostMapping
  public ResponseEntity<EnterpriseView> register(@Valid @RequestBody RegisterEnterpriseRequest request) {
    Caller caller = Callers.current();
    Details details = new Details(request.name(), request.industry(), request.standardizationGrade(),
        request.licence() == null ? null : request.licence().toLicence(),
        request.legalRepresentative() == null ? null : request.legalRepresentative().toPerson("legalRepresentative"),
        request.principal() == null ? null : request.principal().toPerson("principal"));
    Enterprise registered = enterprises.register(caller, request.uscc(), request.region(), details,
        request.checkOverride() == null ? null : request.checkOverride().reason());
    return ResponseEntity.created(URI.create("/api/enforcement/enterprises/" + registered.uscc()))
        .eTag(ETags.of(registered.version())).body(single(registered, caller));
  }

  @GetMapping("/{uscc}")
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN')")
  public ResponseEntity<EnterpriseView> get(@PathVariable String uscc) {
    Caller caller = Callers.current();
    Enterprise enterprise = enterprises.get(caller, uscc);
    return ResponseEntity.ok().eTag(ETags.of(enterprise.version())).body(single(enterprise, caller));
  }

  @PatchMapping(path = "/{uscc}", consumes = {"application/json", "application/merge-patch+json"})
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
  public ResponseEntity<EnterpriseView> change(@PathVariable String uscc,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody EnterpriseRequests.ChangeEnterprise request) {
    Caller caller = Callers.current();
    Details changes = new Details(request.name(), request.industry(), request.standardizationGrade(),
        request.licence() == null ? null : request.licence().toLicence(),
        request.legalRepresentative() == null ? null : request.legalRepresentative().toPerson("legalRepresentative"),
        request.principal() == null ? null : request.principal().toPerson("principal"));
    Enterprise changed = enterprises.change(caller, uscc, ifMatch, changes);
    return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(single(changed, caller));
  }

  @GetMapping("/{uscc}/history")
  public History history(@PathVariable String uscc) {
    return new History(uscc, enterprises.history(Callers.current(), uscc));
  }

  @GetMapping
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
  public PageView<EnterpriseView> list(@Valid PageRequest page,
      @Parameter(description = "a region inside yours; default yours", example = "440300")
      @RequestParam(required = false) String region,
      @RequestParam(required = false) Industry industry,
      @Parameter(description = "names starting with this", example = "深圳市华安")
      @RequestParam(required = false) String namePrefix,
      @RequestParam(required = false) StandardizationGrade standardizationGrade,
      @RequestParam(required = false) LicenceStatus licenceStatus) {
    EnterpriseFilter filter = new EnterpriseFilter(region, industry, namePrefix, standardizationGrade, licenceStatus);
    return enterprises.list(Callers.current(), filter, page.offset(), page.sizeOrDefault())
        .map(e -> EnterpriseView.of(e, false, clock.getZone()));
  }

  private EnterpriseView single(Enterprise e, Caller caller) {
    boolean needsFullIds = (caller.has(Role.OFFICER) || caller.has(Role.SUPERVISOR)) && caller.covers(e.region());
    return EnterpriseView.of(e, needsFullIds, clock.getZone());
  }
}
