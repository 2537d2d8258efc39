package cn.worksafety.credit.blacklist.model;

/**
 * A person an entry names beside the unit. Only the masked ID number is ever kept: nothing credit
 * does needs the full one, and nothing it shows may carry it.
 */
public record ListedPerson(String name, String role, String maskedIdNumber) {
  public static final String PRINCIPAL = "主要负责人";
}
