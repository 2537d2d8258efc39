package cn.worksafety.credit.measure.model;

import java.util.List;

/** A member department of joint sanctions and the measures it applies (联合惩戒措施). */
public record Department(String code, String name, List<Measure> measures) {

  public Department {
    measures = List.copyOf(measures);
  }

  public record Measure(String code, String description) {}
}
