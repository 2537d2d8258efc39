package cn.worksafety.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/** What changed on a list entry: the new value of each changed field; unchanged fields are absent. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BlacklistChanges(
    String unitName,
    List<ListedPerson> listedPersons,
    String legalBasis,
    String decidingAuthority,
    LocalDate endDate,
    List<DepartmentMeasures> measures) {}
