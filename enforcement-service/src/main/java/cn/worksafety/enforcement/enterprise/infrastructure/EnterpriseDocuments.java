package cn.worksafety.enforcement.enterprise.infrastructure;

import cn.worksafety.enforcement.enterprise.model.CheckOverride;
import cn.worksafety.enforcement.enterprise.model.Enterprise;
import cn.worksafety.enforcement.enterprise.model.Industry;
import cn.worksafety.enforcement.enterprise.model.Licence;
import cn.worksafety.enforcement.enterprise.model.LicenceStatus;
import cn.worksafety.enforcement.enterprise.model.Person;
import cn.worksafety.enforcement.enterprise.model.StandardizationGrade;
import java.time.LocalDate;
import java.util.Date;
import org.bson.Document;

/** Maps enterprises to and from their stored form. */
final class EnterpriseDocuments {
  private EnterpriseDocuments() {}

  static Document toDocument(Enterprise e) {
    return new Document("_id", e.uscc()).append("name", e.name()).append("region", e.region())
        .append("industry", e.industry().name()).append("standardizationGrade", e.standardizationGrade().name())
        .append("licence", new Document("status", e.licence().status().name()).append("number", e.licence().number())
            .append("validUntil", e.licence().validUntil() == null ? null : e.licence().validUntil().toString()))
        .append("legalRepresentative", person(e.legalRepresentative()))
        .append("principal", person(e.principal()))
        .append("checkOverride", e.checkOverride() == null ? null : new Document("reason", e.checkOverride().reason())
            .append("by", e.checkOverride().by()).append("at", Date.from(e.checkOverride().at())))
        .append("registeredAt", Date.from(e.registeredAt())).append("version", e.version());
  }

  static Enterprise fromDocument(Document d) {
    Industry industry = Industry.valueOf(d.getString("industry"));
    Document licence = d.get("licence", Document.class);
    Document override = d.get("checkOverride", Document.class);
    return new Enterprise(d.getString("_id"), d.getString("name"), d.getString("region"), industry,
        StandardizationGrade.valueOf(d.getString("standardizationGrade")),
        licence == null ? Licence.none(industry) : new Licence(LicenceStatus.valueOf(licence.getString("status")),
            licence.getString("number"),
            licence.getString("validUntil") == null ? null : LocalDate.parse(licence.getString("validUntil"))),
        person(d.get("legalRepresentative", Document.class)), person(d.get("principal", Document.class)),
        override == null ? null : new CheckOverride(override.getString("reason"), override.getString("by"),
            override.getDate("at").toInstant()),
        d.getDate("registeredAt").toInstant(), ((Number) d.get("version")).longValue());
  }

  private static Document person(Person p) {
    return p == null ? null : new Document("name", p.name()).append("idNumber", p.idNumber());
  }

  private static Person person(Document d) {
    return d == null ? null : new Person(d.getString("name"), d.getString("idNumber"));
  }
}
