package cn.worksafety.credit.measure.web;

import cn.worksafety.credit.measure.application.MeasureCatalogueService;
import cn.worksafety.credit.measure.model.Department;
import cn.worksafety.platform.security.Callers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sanction measures", description = "联合惩戒措施 The joint-sanction measure catalogue: each member department "
    + "and the measures it applies, by code. A new list entry carries the measures of every department.")
@RequestMapping("/api/credit/measures")
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN', 'PARTNER')")
public class MeasureController {
  private final MeasureCatalogueService catalogue;

  public MeasureController(MeasureCatalogueService catalogue) {
    this.catalogue = catalogue;
  }

  public record MeasureBody(
      @Schema(example = "M-GOVERNMENT-PROCUREMENT") @NotBlank @Pattern(regexp = "M-[A-Z0-9-]{2,60}") String code,
      @Schema(example = "限制参加政府采购活动") @NotBlank @Size(max = 200) String description) {}

  public record DepartmentBody(
      @Schema(example = "财政部门") @NotBlank @Size(max = 100) String name,
      @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull MeasureBody> measures) {}

  @Operation(summary = "The measure catalogue 联合惩戒措施目录", description = "Every department with its measures, "
      + "by department code.")
  @GetMapping
  public List<Department> departments() {
    return catalogue.departments();
  }

  @Operation(summary = "Edit a department's measures", description = "Puts the department's name and measures in "
      + "place of those stored, or adds the department. A measure code belongs to one department (409 naming the "
      + "other). Listings published from now on carry the catalogue as it then stands; those out already keep "
      + "what they carried.")
  @PreAuthorize("hasRole('CREDIT_ADMIN')")
  @PutMapping("/{code}")
  public Department put(@PathVariable @Pattern(regexp = "[a-z0-9-]{2,32}") String code,
      @Valid @RequestBody DepartmentBody body) {
    Department department = new Department(code, body.name().strip(), body.measures().stream()
        .map(m -> new Department.Measure(m.code(), m.description().strip())).toList());
    return catalogue.put(department, Callers.current().subject());
  }
}
