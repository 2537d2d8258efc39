package cn.worksafety.credit.supervision.application;

import cn.worksafety.credit.supervision.model.InspectionPlan;
import java.util.Optional;

/** Where drawn plans are kept: one per region and year. */
public interface InspectionPlans {

  /** Stores a newly drawn plan; false when that region and year already has one. */
  boolean add(InspectionPlan plan);

  Optional<InspectionPlan> find(String region, int year);
}
