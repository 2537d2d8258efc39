package cn.worksafety.enforcement.enterprise.web;

import cn.worksafety.enforcement.enterprise.model.Enterprise;
import java.time.OffsetDateTime;
import java.time.ZoneId;

public record EnterpriseView(String uscc, String name, String region, String industry, String standardizationGrade,
    OffsetDateTime registeredAt, long version) {

  static EnterpriseView of(Enterprise e, ZoneId zone) {
    return new EnterpriseView(e.uscc(), e.name(), e.region(), e.industry().name(), e.standardizationGrade().name(),
        e.registeredAt().atZone(zone).toOffsetDateTime(), e.version());
  }
}
