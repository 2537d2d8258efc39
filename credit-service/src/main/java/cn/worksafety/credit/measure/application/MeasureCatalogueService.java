package cn.worksafety.credit.measure.application;

import cn.worksafety.credit.measure.model.Department;
import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * Editing the catalogue. A measure code names one measure of one department, everywhere: a listing
 * carries codes, partners apply codes, feedback reports on codes. A new listing carries the
 * catalogue as it stands at its publication; listings out already keep what they carried.
 */
@Service
public class MeasureCatalogueService {
  private final MeasureCatalogue catalogue;
  private final Clock clock;

  public MeasureCatalogueService(MeasureCatalogue catalogue, Clock clock) {
    this.catalogue = catalogue;
    this.clock = clock;
  }

  public List<Department> departments() {
    return catalogue.departments();
  }

  public Department put(Department department, String by) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < department.measures().size(); i++) {
      if (!seen.add(department.measures().get(i).code())) {
        throw DomainException.invalid("measures[" + i + "].code", "appears twice");
      }
    }
    for (Department other : catalogue.departments()) {
      if (other.code().equals(department.code())) {
        continue;
      }
      for (Department.Measure measure : other.measures()) {
        if (seen.contains(measure.code())) {
          throw new DomainException(ProblemKind.CONFLICT, "measure-code-taken", "measure " + measure.code()
              + " belongs to department " + other.code()).with("code", measure.code()).with("department", other.code());
        }
      }
    }
    catalogue.put(department, by, clock.instant());
    return department;
  }
}
