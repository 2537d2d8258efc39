package cn.worksafety.enforcement.enterprise.web;

import cn.worksafety.enforcement.enterprise.model.Details;
import cn.worksafety.enforcement.enterprise.model.Industry;
import cn.worksafety.enforcement.enterprise.model.Licence;
import cn.worksafety.enforcement.enterprise.model.LicenceStatus;
import cn.worksafety.enforcement.enterprise.model.Person;
import cn.worksafety.enforcement.enterprise.model.StandardizationGrade;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** The parts of the enterprise bodies. */
final class EnterpriseRequests {
  private EnterpriseRequests() {}

  /** The details a registration or a change carries; absent parts stay null. */
  static Details details(String name, Industry industry, StandardizationGrade grade, LicenceRequest licence,
      PersonRequest legalRepresentative, PersonRequest principal) {
    return new Details(name, industry, grade, licence == null ? null : licence.toLicence(),
        legalRepresentative == null ? null : legalRepresentative.toPerson("legalRepresentative"),
        principal == null ? null : principal.toPerson("principal"));
  }

  @Schema(example = """
      {"name": "张三", "idNumber": "11010519491231002X"}
      """)
  record PersonRequest(
      @Schema(example = "张三") @NotBlank @Size(max = 50) String name,
      @Schema(example = "11010519491231002X", description = "公民身份号码 (GB 11643), checked; shown masked")
      @NotBlank String idNumber) {

    Person toPerson(String field) {
      return Person.of(field, name, idNumber);
    }
  }

  @Schema(example = """
      {"status": "VALID", "number": "(粤)WH安许证字[2024]000123号", "validUntil": "2027-06-30"}
      """)
  record LicenceRequest(
      @Schema(example = "VALID") @NotNull LicenceStatus status,
      @Schema(example = "(粤)WH安许证字[2024]000123号") @Size(max = 100) String number,
      @Schema(example = "2027-06-30") LocalDate validUntil) {

    Licence toLicence() {
      return new Licence(status, number, validUntil);
    }
  }

  @Schema(example = """
      {"reason": "1998年发证的历史代码，经市场监管部门书面确认有效"}
      """)
  record CheckOverrideRequest(
      @Schema(example = "1998年发证的历史代码，经市场监管部门书面确认有效")
      @NotBlank @Size(min = 10, max = 1000) String reason) {}

  /**
   * PATCH body: only the fields given change (a licence or person given replaces the one on record
   * whole); code and region never change.
   */
  @Schema(description = "The fields to change; the others stay as they are.", example = """
      {"name": "深圳市华安化工股份有限公司", "standardizationGrade": "LEVEL_1",
       "licence": {"status": "VALID", "number": "(粤)WH安许证字[2027]000456号", "validUntil": "2030-06-30"},
       "principal": {"name": "王五", "idNumber": "440305198503152310"}}
      """)
  record ChangeEnterprise(
      @Schema(example = "深圳市华安化工股份有限公司") @Size(min = 1, max = 200) String name,
      @Schema(example = "HAZARDOUS_CHEMICALS") Industry industry,
      @Schema(example = "LEVEL_1") StandardizationGrade standardizationGrade,
      @Valid LicenceRequest licence,
      @Valid PersonRequest legalRepresentative,
      @Valid PersonRequest principal) {

    @jakarta.validation.constraints.AssertTrue(message = "give at least one field to change")
    @Schema(hidden = true)
    boolean isAnything() {
      return name != null || industry != null || standardizationGrade != null || licence != null
          || legalRepresentative != null || principal != null;
    }
  }
}
