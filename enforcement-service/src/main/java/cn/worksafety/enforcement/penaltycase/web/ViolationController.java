package cn.worksafety.enforcement.penaltycase.web;

import cn.worksafety.enforcement.penaltycase.model.Violation;
import cn.worksafety.enforcement.penaltycase.model.ViolationCatalogue;
import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The violation catalogue a decision cites from; read-only here, it changes with the law. */
@RestController
@Tag(name = "Violation catalogue", description = "违法行为目录 The violations a penalty decision cites from "
    + "(安全生产法, 安全生产许可证条例, 安全生产违法行为行政处罚办法).")
@RequestMapping("/api/enforcement/violations")
@PreAuthorize("hasAnyRole('OFFICER', 'SUPERVISOR', 'CREDIT_ADMIN')")
public class ViolationController {
  private final ViolationCatalogue catalogue;

  public ViolationController(ViolationCatalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Schema(description = "A violation of the catalogue, with the fine range (CNY) and penalty kinds it provides for.",
      example = """
      {"code": "AQSC-099-3", "description": "未对安全设备进行经常性维护、保养和定期检测",
       "legalBasis": "《中华人民共和国安全生产法》第九十九条第三项", "severity": "GENERAL",
       "fineMin": "0", "fineMax": "200000", "penaltyKinds": ["FINE", "SUSPENSION"]}
      """)
  public record ViolationView(String code, String description, String legalBasis, String severity,
      @Schema(type = "string", example = "0") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fineMin,
      @Schema(type = "string", example = "200000") @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal fineMax,
      List<String> penaltyKinds) {

    static ViolationView of(Violation v) {
      return new ViolationView(v.code(), v.description(), v.legalBasis(), v.severity().name(), v.fineMin(),
          v.fineMax(), v.penaltyKinds().stream().map(Enum::name).sorted().toList());
    }
  }

  @Operation(summary = "The violation catalogue 违法行为目录",
      description = "Every violation a decision may cite, with its legal basis, the fine range and the penalty kinds "
          + "it provides for. A decision must stay inside what its cited violations allow. Read-only: the catalogue "
          + "changes with the law, shipped with the service.")
  @GetMapping
  public List<ViolationView> all() {
    return catalogue.all().stream().map(ViolationView::of).toList();
  }
}
