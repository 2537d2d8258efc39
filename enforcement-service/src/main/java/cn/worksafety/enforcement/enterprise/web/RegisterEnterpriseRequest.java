package cn.worksafety.enforcement.enterprise.web;

import cn.worksafety.enforcement.enterprise.model.Industry;
import cn.worksafety.enforcement.enterprise.model.StandardizationGrade;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

public record RegisterEnterpriseRequest(
    @Schema(example = "914403001922038216", description = "统一社会信用代码 (GB 32100), checked")
    @NotBlank String uscc,
    @Schema(example = "深圳市华安化工有限公司") @NotBlank @Size(max = 200) String name,
    @Schema(example = "440300", description = "GB/T 2260 region code")
    @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a six-digit GB/T 2260 code") String region,
    @NotNull Industry industry,
    StandardizationGrade standardizationGrade) {}
