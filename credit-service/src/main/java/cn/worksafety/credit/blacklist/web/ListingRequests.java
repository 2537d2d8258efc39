package cn.worksafety.credit.blacklist.web;

import cn.worksafety.credit.blacklist.model.ListedPerson;
import cn.worksafety.credit.blacklist.model.Trigger;
import cn.worksafety.platform.privacy.IdNumbers;
import cn.worksafety.platform.problem.DomainException;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Request bodies of the listing procedure and of credit repair. */
final class ListingRequests {
  private ListingRequests() {}

  record Person(
      @Schema(example = "王某") @NotBlank @Size(max = 50) String name,
      @Schema(example = "其他责任人员", description = "主要负责人, 其他责任人员, 法定代表人 …") @NotBlank @Size(max = 30) String role,
      @Schema(example = "110101199003077777", description = "checked (GB 11643) and kept masked only; optional")
      @Size(max = 18) String idNumber) {}

  /** The persons given, with their ID numbers checked and masked; a wrong one is refused by field. */
  static List<ListedPerson> persons(String field, List<Person> given) {
    List<ListedPerson> persons = new ArrayList<>();
    for (int i = 0; given != null && i < given.size(); i++) {
      Person p = given.get(i);
      String number = p.idNumber() == null || p.idNumber().isBlank() ? null : p.idNumber().strip();
      if (number != null) {
        String where = field + "[" + i + "].idNumber";
        IdNumbers.problem(number).ifPresent(problem -> {
          throw DomainException.invalid(where, problem);
        });
      }
      persons.add(new ListedPerson(p.name().strip(), p.role().strip(), IdNumbers.mask(number)));
    }
    return persons;
  }

  record Propose(
      @Schema(example = "914403001922038216") @NotNull @Pattern(regexp = "[0-9A-HJ-NPQRTUWXY]{18}") String uscc,
      @Schema(example = "UNLICENSED_OPERATION") @NotNull Trigger trigger,
      @Schema(example = "C-2026-000123", description = "the penalty decision behind the listing") @NotBlank
      @Size(max = 64) String caseId,
      @Schema(example = "未取得安全生产许可证擅自进行生产，经责令停产后仍继续生产") @NotBlank @Size(max = 2000) String grounds,
      @Size(max = 20) List<@Valid Person> persons) {}

  record Notice(
      @Schema(description = "when the written notice was served; default now", example = "2026-11-23T10:00:00+08:00")
      OffsetDateTime servedAt,
      @Schema(description = "further responsible persons to name") @Size(max = 20) List<@Valid Person> persons) {}

  record Objection(
      @Schema(description = "when the objection reached the authority; default now") OffsetDateTime receivedAt,
      @Schema(example = "我单位已于事发当日取得许可证，请求不予列入") @NotBlank @Size(max = 5000) String statement) {}

  record Decision(
      @Schema(description = "true to list, false not to", example = "true") @NotNull Boolean list,
      @Schema(example = "事实清楚，证据确凿，符合列入条件") @NotBlank @Size(max = 2000) String reason,
      @Schema(description = "how the party's objection was reviewed; required when it objected",
          example = "经复核，异议理由不成立") @Size(max = 5000) String objectionReview,
      @Schema(example = "深圳市应急管理局") @NotBlank @Size(max = 100) String decidingAuthority,
      @Schema(description = "when the decision was made; default now") OffsetDateTime decidedAt) {}

  record Repair(
      @Schema(example = "已取得安全生产许可证（编号 (粤)FM安许证字[2026]000123），违法行为已纠正") @NotBlank
      @Size(max = 2000) String correction,
      @Schema(example = "信用承诺书 2026-11-01，已在信用中国（广东）公示") @NotBlank @Size(max = 2000) String commitment,
      @Schema(example = "主要负责人和安全管理人员于 2026-10-15 完成安全生产培训并考核合格") @NotBlank @Size(max = 2000)
      String training) {}

  record Reason(@Schema(example = "整改到位，处罚已履行，信用承诺已公示") @NotBlank @Size(max = 2000) String reason) {}

  /** The body of a publication is empty or {}. */
  record Empty() {}
}
