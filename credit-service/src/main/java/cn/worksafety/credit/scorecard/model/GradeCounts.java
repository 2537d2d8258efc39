package cn.worksafety.credit.scorecard.model;

import cn.worksafety.credit.creditfile.model.Grade;

/** How many enterprises have each grade. */
public record GradeCounts(long a, long b, long c, long d) {
  public static final GradeCounts NONE = new GradeCounts(0, 0, 0, 0);

  public long of(Grade grade) {
    return switch (grade) {
      case A -> a;
      case B -> b;
      case C -> c;
      case D -> d;
    };
  }

  public GradeCounts plus(Grade grade) {
    return new GradeCounts(a + (grade == Grade.A ? 1 : 0), b + (grade == Grade.B ? 1 : 0),
        c + (grade == Grade.C ? 1 : 0), d + (grade == Grade.D ? 1 : 0));
  }
}
