package cn.worksafety.contracts.events;

import java.time.LocalDate;
import java.util.List;

/**
 * Data of {@code credit.blacklist.entered}: the entry is in force from {@code startDate} until the
 * day before {@code endDate}, and every department named in {@code measures} is to apply them.
 */
public record BlacklistEntered(
    String entryId,
    String uscc,
    String unitName,
    List<ListedPerson> listedPersons,
    String trigger,
    String legalBasis,
    String decidingAuthority,
    LocalDate startDate,
    LocalDate endDate,
    List<DepartmentMeasures> measures) {}
