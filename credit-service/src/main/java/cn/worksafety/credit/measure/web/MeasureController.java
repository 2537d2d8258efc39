package cn.worksafety.credit.measure.web;

import cn.worksafety.credit.measure.model.Department;
import cn.worksafety.credit.measure.application.MeasureCatalogue;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Sanction measures", description = "联合惩戒措施 The joint-sanction measure catalogue: each member department "
    + "and the measures it applies, by code. A new list entry carries the measures of every department.")
@RequestMapping("/api/credit/measures")
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN', 'PARTNER')")
public class MeasureController {
  private final MeasureCatalogue catalogue;

  public MeasureController(MeasureCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Operation(summary = "The measure catalogue 联合惩戒措施目录", description = "Every department with its measures, "
      + "by department code.")
  @GetMapping
  public List<Department> departments() {
    return catalogue.departments();
  }
}
