package cn.worksafety.enforcement.enterprise.web;

import cn.worksafety.enforcement.enterprise.model.Enterprise;
import cn.worksafety.enforcement.enterprise.model.Person;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** An enterprise as answered; persons' ID numbers are masked unless the caller needs them in full. */
@Schema(description = "An enterprise. ID numbers are masked (idNumberMasked) in lists and for callers who do not "
    + "serve documents on the persons; officers and supervisors of its region reading one enterprise see them whole.",
    example = """
    {"uscc": "914403001922038216", "name": "深圳市华安化工有限公司", "region": "440300",
     "industry": "HAZARDOUS_CHEMICALS", "standardizationGrade": "LEVEL_2",
     "licence": {"status": "VALID", "number": "(粤)WH安许证字[2024]000123号", "validUntil": "2027-06-30"},
     "legalRepresentative": {"name": "张三", "idNumber": "110***********002X", "idNumberMasked": true},
     "principal": {"name": "李四", "idNumber": "440***********2310", "idNumberMasked": true},
     "checkOverride": null, "registeredAt": "2026-11-02T09:15:40.112+08:00", "version": 3}
    """)
public record EnterpriseView(String uscc, String name, String region, String industry, String standardizationGrade,
    LicenceView licence, PersonView legalRepresentative, PersonView principal, CheckOverrideView checkOverride,
    OffsetDateTime registeredAt, long version) {

  public record LicenceView(String status, String number, LocalDate validUntil) {}

  public record PersonView(String name, String idNumber, boolean idNumberMasked) {}

  public record CheckOverrideView(String reason, String by, OffsetDateTime at) {}

  static EnterpriseView of(Enterprise e, boolean fullIdNumbers, ZoneId zone) {
    return new EnterpriseView(e.uscc(), e.name(), e.region(), e.industry().name(), e.standardizationGrade().name(),
        new LicenceView(e.licence().status().name(), e.licence().number(), e.licence().validUntil()),
        person(e.legalRepresentative(), fullIdNumbers), person(e.principal(), fullIdNumbers),
        e.checkOverride() == null ? null : new CheckOverrideView(e.checkOverride().reason(), e.checkOverride().by(),
            e.checkOverride().at().atZone(zone).toOffsetDateTime()),
        e.registeredAt().atZone(zone).toOffsetDateTime(), e.version());
  }

  private static PersonView person(Person p, boolean full) {
    if (p == null) {
      return null;
    }
    return full ? new PersonView(p.name(), p.idNumber(), false) : new PersonView(p.name(), p.masked().idNumber(), true);
  }
}
