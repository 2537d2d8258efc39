package cn.worksafety.enforcement.enterprise.model;

import cn.worksafety.platform.privacy.IdNumbers;
import cn.worksafety.platform.problem.DomainException;

/** A named person of the enterprise (法定代表人, 主要负责人) with a checked resident ID number. */
public record Person(String name, String idNumber) {

  /** The person, or a 400 naming {@code field} when the name is blank or the ID number is not well formed. */
  public static Person of(String field, String name, String idNumber) {
    if (name == null || name.isBlank()) {
      throw DomainException.invalid(field + ".name", "must not be blank");
    }
    IdNumbers.problem(idNumber).ifPresent(problem -> {
      throw DomainException.invalid(field + ".idNumber", problem);
    });
    return new Person(name.strip(), idNumber.toUpperCase());
  }

  public Person masked() {
    return new Person(name, IdNumbers.mask(idNumber));
  }
}
