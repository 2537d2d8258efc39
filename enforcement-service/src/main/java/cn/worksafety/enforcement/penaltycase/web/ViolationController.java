package cn.worksafety.enforcement.penaltycase.web;

import cn.worksafety.enforcement.penaltycase.model.Violation;
import cn.worksafety.enforcement.penaltycase.model.ViolationCatalogue;
import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The violation catalogue a decision cites from; read-only here, it changes with the law. */
@RestController
@RequestMapping("/api/enforcement/violations")
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN')")
public class ViolationController {
  private final ViolationCatalogue catalogue;

  public ViolationController(ViolationCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  public record ViolationView(String code, String description, String legalBasis, String severity,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fineMin,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fineMax, List<String> penaltyKinds) {

    static ViolationView of(Violation v) {
      return new ViolationView(v.code(), v.description(), v.legalBasis(), v.severity().name(), v.fineMin(),
          v.fineMax(), v.penaltyKinds().stream().map(Enum::name).sorted().toList());
    }
  }

  @GetMapping
  public List<ViolationView> all() {
    return catalogue.all().stream().map(ViolationView::of).toList();
  }
}
