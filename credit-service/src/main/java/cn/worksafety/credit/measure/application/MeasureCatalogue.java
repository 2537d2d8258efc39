package cn.worksafety.credit.measure.application;

import cn.worksafety.credit.measure.model.Department;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Where the measure catalogue is kept: data an administrator edits, seeded from DOMAIN.md. */
public interface MeasureCatalogue {

  /** Every department with its measures, by department code. */
  List<Department> departments();

  /** The code of every measure of every department. */
  default Set<String> measureCodes() {
    return departments().stream().flatMap(d -> d.measures().stream()).map(Department.Measure::code)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Puts {@code department} in place of the one with its code, or adds it, noting who did and when. */
  void put(Department department, String by, Instant at);
}
