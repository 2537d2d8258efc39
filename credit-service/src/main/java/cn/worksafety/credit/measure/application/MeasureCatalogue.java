package cn.worksafety.credit.measure.application;

import cn.worksafety.credit.measure.model.Department;

import java.util.List;

/** Where the measure catalogue is kept: data an administrator edits, seeded from DOMAIN.md. */
public interface MeasureCatalogue {

  /** Every department with its measures, by department code. */
  List<Department> departments();
}
