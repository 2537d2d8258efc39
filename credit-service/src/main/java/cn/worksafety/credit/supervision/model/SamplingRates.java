package cn.worksafety.credit.supervision.model;

import cn.worksafety.credit.creditfile.model.Grade;
import java.util.EnumMap;
import java.util.Map;

/**
 * How much of each grade a region's random inspections (双随机) draw per year, in percent. DOMAIN.md
 * sets a band per grade (A ≤ 5 %, B 5–20 %, C 21–60 %, D 61–100 %) and leaves the figure inside it to
 * local rules, so a rate outside its band is refused when the service starts.
 */
public record SamplingRates(Map<Grade, Integer> percent) {
  private static final Map<Grade, int[]> BANDS = Map.of(
      Grade.A, new int[] {0, 5}, Grade.B, new int[] {5, 20}, Grade.C, new int[] {21, 60}, Grade.D, new int[] {61, 100});

  public SamplingRates {
    percent = new EnumMap<>(percent);
    for (Grade grade : Grade.values()) {
      Integer rate = percent.get(grade);
      int[] band = BANDS.get(grade);
      if (rate == null || rate < band[0] || rate > band[1]) {
        throw new IllegalArgumentException("the sampling rate of grade " + grade + " must be " + band[0] + "–"
            + band[1] + " %, was " + rate);
      }
    }
    percent = Map.copyOf(percent);
  }

  public int of(Grade grade) {
    return percent.get(grade);
  }

  /** How many of {@code population} enterprises to draw: the rate's share, rounded up. */
  public int sampleSize(Grade grade, int population) {
    return (int) Math.min(population, (population * (long) of(grade) + 99) / 100);
  }
}
