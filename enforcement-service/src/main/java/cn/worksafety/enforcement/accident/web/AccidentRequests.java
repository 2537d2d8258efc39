package cn.worksafety.enforcement.accident.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** The bodies of the accident endpoints. */
final class AccidentRequests {
  private AccidentRequests() {}

  @Schema(description = "An accident as first reported.", example = """
      {"uscc": "914403001922038216", "occurredAt": "2026-11-20T14:30:00+08:00",
       "description": "储罐区爆燃，造成1人死亡、4人重伤", "deaths": 1, "seriousInjuries": 4,
       "directLoss": "3800000.00", "concealed": false}
      """)
  record Report(
      @Schema(example = "914403001922038216") @NotBlank String uscc,
      @Schema(example = "2026-11-20T14:30:00+08:00") @NotNull OffsetDateTime occurredAt,
      @Schema(example = "储罐区爆燃，造成1人死亡、4人重伤") @NotBlank @Size(max = 2000) String description,
      @Schema(example = "1") @NotNull Integer deaths,
      @Schema(example = "4") @NotNull Integer seriousInjuries,
      @Schema(type = "string", example = "3800000.00") @NotNull BigDecimal directLoss,
      @Schema(description = "already known to have been concealed or falsely reported (瞒报、谎报); default false",
          example = "false")
      Boolean concealed) {}

  @Schema(description = "The figures the investigation established.", example = """
      {"deaths": 3, "seriousInjuries": 5, "directLoss": "12500000.00", "concealed": true}
      """)
  record Conclusion(
      @Schema(example = "3") @NotNull Integer deaths,
      @Schema(example = "5") @NotNull Integer seriousInjuries,
      @Schema(type = "string", example = "12500000.00") @NotNull BigDecimal directLoss,
      @Schema(description = "the investigation found the accident concealed or falsely reported; default false",
          example = "true")
      Boolean concealed) {}

  @Schema(example = """
      {"note": "事故发生后隐瞒死亡人数"}
      """)
  record Concealment(@Schema(example = "事故发生后隐瞒死亡人数") @NotBlank @Size(max = 2000) String note) {}
}
