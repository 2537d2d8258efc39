package cn.worksafety.enforcement.enterprise.model;

import cn.worksafety.platform.problem.DomainException;
import java.time.LocalDate;

/** The safety-production licence (安全生产许可证): its status, number and end of validity. */
public record Licence(LicenceStatus status, String number, LocalDate validUntil) {

  public Licence {
    boolean issued = status == LicenceStatus.VALID || status == LicenceStatus.SUSPENDED
        || status == LicenceStatus.REVOKED;
    if (issued && (number == null || number.isBlank())) {
      throw DomainException.invalid("licence.number", "a " + status + " licence needs its number");
    }
    if (!issued && (number != null || validUntil != null)) {
      throw DomainException.invalid("licence", status + " takes no number or validity");
    }
    number = number == null ? null : number.strip();
  }

  /** What a newly registered enterprise has when no licence is given. */
  public static Licence none(Industry industry) {
    return new Licence(industry.requiresLicence() ? LicenceStatus.MISSING : LicenceStatus.NOT_REQUIRED, null, null);
  }
}
