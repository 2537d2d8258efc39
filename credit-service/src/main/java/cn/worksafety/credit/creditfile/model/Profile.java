package cn.worksafety.credit.creditfile.model;

/**
 * What credit keeps of an enterprise's registration, from enforcement's events.
 *
 * @param principal the 主要负责人 as enforcement names them (ID number masked), or null when not given
 */
public record Profile(String name, String region, String industry, String standardizationGrade,
    String licenceStatus, Principal principal) {

  public Profile(String name, String region, String industry, String standardizationGrade, String licenceStatus) {
    this(name, region, industry, standardizationGrade, licenceStatus, null);
  }

  /** A person named on the registration; only a masked ID number ever reaches credit. */
  public record Principal(String name, String maskedIdNumber) {}
}
