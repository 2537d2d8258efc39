package cn.worksafety.enforcement.inspection.model;

import cn.worksafety.platform.problem.DomainException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Inspections and re-inspections are carried out by at least two enforcement officers
 * (安全生产法 第六十五条; 安全生产违法行为行政处罚办法).
 */
final class Officers {
  static final int MIN = 2;

  private Officers() {}

  /** The distinct officers named, in order; refused on {@code field} when fewer than {@link #MIN}. */
  static List<String> atLeastTwo(List<String> officers, String field) {
    Set<String> distinct = new LinkedHashSet<>();
    if (officers != null) {
      officers.forEach(o -> distinct.add(o.strip()));
    }
    if (distinct.size() < MIN) {
      throw DomainException.invalid(field, "needs at least " + MIN + " different enforcement officers");
    }
    return List.copyOf(distinct);
  }
}
