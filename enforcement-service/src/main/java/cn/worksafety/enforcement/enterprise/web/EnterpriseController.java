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
import cn.worksafety.enforcement.apidocs.ApiProblems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Clock;
import org.springdoc.core.annotations.ParameterObject;
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
@Tag(name = "Enterprises", description = "受监管企业 Regulated enterprises: registered by their 统一社会信用代码 (USCC), "
    + "with industry, standardization grade, safety-production licence, legal representative and principal. Full ID "
    + "numbers are shown only to officers and supervisors of the enterprise's region reading one enterprise.")
@RequestMapping("/api/enforcement/enterprises")
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN')")
public class EnterpriseController {
  private final EnterpriseService enterprises;
  private final Clock clock;

  public EnterpriseController(EnterpriseService enterprises, Clock clock) {
    this.enterprises = enterprises;
    this.clock = clock;
  }

  @Operation(summary = "Register an enterprise 登记企业",
      description = "Registers a regulated enterprise and announces it. The USCC must pass the GB 32100 check and the "
          + "region must lie inside the caller's (a credit administrator may register anywhere, and alone may register "
          + "a historic code whose check character is wrong, giving checkOverride.reason). ID numbers are checked "
          + "(GB 11643). A code can be registered once. Without a licence, industries that need one (mining, hazardous "
          + "chemicals, fireworks, metallurgy) start as MISSING.")
  @ApiResponse(responseCode = "201", description = "Registered; Location names it, ETag is its version",
      useReturnTypeSchema = true)
  @ApiProblems({"uscc-check-failed", "id-number-refused", "outside-region", "override-not-allowed", "duplicate-enterprise"})
  @PostMapping
  public ResponseEntity<EnterpriseView> register(@Valid @RequestBody RegisterEnterpriseRequest request) {
    Caller caller = Callers.current();
    Details details = EnterpriseRequests.details(request.name(), request.industry(), request.standardizationGrade(),
        request.licence(), request.legalRepresentative(), request.principal());
    Enterprise registered = enterprises.register(caller, request.uscc(), request.region(), details,
        request.checkOverride() == null ? null : request.checkOverride().reason());
    return ResponseEntity.created(URI.create("/api/enforcement/enterprises/" + registered.uscc()))
        .eTag(ETags.of(registered.version())).body(single(registered, caller));
  }

  @Operation(summary = "Read an enterprise 查看企业",
      description = "One enterprise with its ETag. Officers and supervisors of its region see the ID numbers of the "
          + "legal representative and principal in full (they serve documents on them); everyone else sees them "
          + "masked. An enterprise outside the caller's region answers 404 (credit administrators see every region).")
  @GetMapping("/{uscc}")
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN')")
  public ResponseEntity<EnterpriseView> get(@PathVariable String uscc) {
    Caller caller = Callers.current();
    Enterprise enterprise = enterprises.get(caller, uscc);
    return ResponseEntity.ok().eTag(ETags.of(enterprise.version())).body(single(enterprise, caller));
  }

  @Operation(summary = "Change an enterprise 变更企业信息",
      description = "JSON merge patch: only the fields given change; a licence or person given replaces the one on "
          + "record whole; code and region never change. At least one field. A change that changes nothing answers "
          + "the enterprise as it is and announces nothing; otherwise the new state is announced.")
  @ApiProblems("id-number-refused")
  @PatchMapping(path = "/{uscc}", consumes = {"application/json", "application/merge-patch+json"})
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
  public ResponseEntity<EnterpriseView> change(@PathVariable String uscc,
      @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @Valid @RequestBody EnterpriseRequests.ChangeEnterprise request) {
    Caller caller = Callers.current();
    Details changes = EnterpriseRequests.details(request.name(), request.industry(), request.standardizationGrade(),
        request.licence(), request.legalRepresentative(), request.principal());
    Enterprise changed = enterprises.change(caller, uscc, ifMatch, changes);
    return ResponseEntity.ok().eTag(ETags.of(changed.version())).body(single(changed, caller));
  }

  @Operation(summary = "An enterprise's audit trail 企业变更记录",
      description = "Who changed the enterprise, when, from which request and what changed, oldest first. ID numbers "
          + "in it are always masked. Read-only.")
  @GetMapping("/{uscc}/history")
  public History history(@PathVariable String uscc) {
    return new History(uscc, enterprises.history(Callers.current(), uscc));
  }

  @Operation(summary = "List enterprises 企业列表",
      description = "Enterprises inside the caller's region (or a narrower region inside it), filtered, with ID "
          + "numbers masked. A region outside the caller's is refused with 403; a token without a region claim "
          + "cannot list.")
  @ApiProblems({"outside-region", "no-region"})
  @GetMapping
  @PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR')")
  public PageView<EnterpriseView> list(@ParameterObject @Valid PageRequest page,
      @Parameter(description = "a GB/T 2260 region inside yours; default yours", example = "440300")
      @RequestParam(required = false) String region,
      @Parameter(description = "only enterprises of this industry", example = "HAZARDOUS_CHEMICALS")
      @RequestParam(required = false) Industry industry,
      @Parameter(description = "names starting with this (1 to 100 characters)", example = "深圳市华安")
      @RequestParam(required = false) String namePrefix,
      @Parameter(description = "only enterprises of this work-safety standardization grade (安全生产标准化等级)",
          example = "LEVEL_2")
      @RequestParam(required = false) StandardizationGrade standardizationGrade,
      @Parameter(description = "only enterprises whose safety-production licence is in this status; MISSING finds "
          + "those operating without a licence they need", example = "MISSING")
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
