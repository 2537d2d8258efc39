package cn.worksafety.enforcement.enterprise.web;

import cn.worksafety.enforcement.enterprise.model.Industry;
import cn.worksafety.enforcement.enterprise.model.StandardizationGrade;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

@Schema(description = "An enterprise to register.", example = """
    {"uscc": "914403001922038216", "name": "深圳市华安化工有限公司", "region": "440300",
     "industry": "HAZARDOUS_CHEMICALS", "standardizationGrade": "LEVEL_2",
     "licence": {"status": "VALID", "number": "(粤)WH安许证字[2024]000123号", "validUntil": "2027-06-30"},
     "legalRepresentative": {"name": "张三", "idNumber": "11010519491231002X"},
     "principal": {"name": "李四", "idNumber": "440305198503152310"}}
    """)
public record RegisterEnterpriseRequest(
    @Schema(example = "914403001922038216", description = "统一社会信用代码 (GB 32100), checked")
    @NotBlank String uscc,
    @Schema(example = "深圳市华安化工有限公司") @NotBlank @Size(max = 200) String name,
    @Schema(example = "440300", description = "GB/T 2260 region code")
    @NotNull @Pattern(regexp = "[1-9][0-9]{5}", message = "must be a six-digit GB/T 2260 code") String region,
    @Schema(example = "HAZARDOUS_CHEMICALS") @NotNull Industry industry,
    @Schema(example = "LEVEL_2", description = "default NONE") StandardizationGrade standardizationGrade,
    @Schema(description = "default: MISSING for industries that need a licence, NOT_REQUIRED otherwise")
    @Valid EnterpriseRequests.LicenceRequest licence,
    @Valid EnterpriseRequests.PersonRequest legalRepresentative,
    @Valid EnterpriseRequests.PersonRequest principal,
    @Schema(description = "credit administrators only: register a historic code whose check character is wrong")
    @Valid EnterpriseRequests.CheckOverrideRequest checkOverride) {}
