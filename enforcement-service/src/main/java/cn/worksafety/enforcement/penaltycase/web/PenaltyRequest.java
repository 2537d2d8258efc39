package cn.worksafety.enforcement.penaltycase.web;

import cn.worksafety.enforcement.penaltycase.model.Penalty;
import cn.worksafety.enforcement.penaltycase.model.PenaltyKind;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;

@Schema(description = "A penalty: amount for FINE and CONFISCATION, periodDays for SUSPENSION and "
    + "LICENCE_SUSPENSION, neither for the others.", example = """
    {"kind": "FINE", "amount": "50000.00"}
    """)
public record PenaltyRequest(
    @Schema(example = "FINE") @NotNull PenaltyKind kind,
    @Schema(type = "string", example = "50000.00", description = "CNY, for FINE and CONFISCATION") BigDecimal amount,
    @Schema(example = "30", description = "days, for SUSPENSION and LICENCE_SUSPENSION") Integer periodDays) {

  Penalty toPenalty() {
    return new Penalty(kind, amount, periodDays);
  }
}
