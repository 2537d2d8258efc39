package cn.worksafety.enforcement.enterprise.web;

import cn.worksafety.enforcement.enterprise.model.Enterprise;
import cn.worksafety.enforcement.enterprise.model.Person;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** An enterprise as answered; persons' ID numbers are masked unless the caller needs them in full. */
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
