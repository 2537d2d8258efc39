package cn.worksafety.credit.supervision.model;

import cn.worksafety.credit.creditfile.model.Grade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * A region's random-inspection sample for a year (分级分类监管): per grade, the share its rate sets,
 * drawn with a seed. The same candidates, rates and seed always draw the same enterprises, so
 * anyone can check a plan by drawing it again; once drawn, a plan is kept as it was.
 *
 * <p>An enterprise on the serious-dishonesty list is not left to chance: it is inspected at least once
 * per half-year ({@link #LISTED_INSPECTIONS_PER_YEAR}), so it is in {@code listed} and drawn from no
 * grade.
 */
public record InspectionPlan(String region, int year, long seed, Instant drawnAt, String drawnBy,
    List<GradeSample> samples, List<String> listed) {
  public static final int LISTED_INSPECTIONS_PER_YEAR = 2;

  public static InspectionPlan draw(String region, int year, long seed, List<Candidate> candidates,
      SamplingRates rates, Instant now, String by) {
    List<String> listed = candidates.stream().filter(Candidate::listed).map(Candidate::uscc).sorted().toList();
    Map<Grade, List<String>> byGrade = candidates.stream().filter(c -> !c.listed()).collect(Collectors.groupingBy(Candidate::grade,
        Collectors.mapping(Candidate::uscc, Collectors.toList())));
    SplittableRandom random = new SplittableRandom(seed);
    List<GradeSample> samples = new ArrayList<>();
    for (Grade grade : Grade.values()) {
      List<String> population = new ArrayList<>(byGrade.getOrDefault(grade, List.of()));
      // Sorted first, so the draw depends only on who is in the population, not on the order it was read in.
      population.sort(Comparator.naturalOrder());
      int size = rates.sampleSize(grade, population.size());
      for (int i = 0; i < size; i++) {
        int pick = i + random.nextInt(population.size() - i);
        String chosen = population.get(pick);
        population.set(pick, population.get(i));
        population.set(i, chosen);
      }
      samples.add(new GradeSample(grade, population.size(), rates.of(grade), List.copyOf(population.subList(0, size))));
    }
    return new InspectionPlan(region, year, seed, now, by, List.copyOf(samples), listed);
  }
}
