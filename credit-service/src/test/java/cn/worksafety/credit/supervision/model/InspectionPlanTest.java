package cn.worksafety.credit.supervision.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.worksafety.credit.creditfile.model.Grade;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InspectionPlanTest {
  static final SamplingRates RATES = new SamplingRates(Map.of(Grade.A, 5, Grade.B, 20, Grade.C, 40, Grade.D, 80));
  static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

  static List<Candidate> candidates(Grade grade, int count) {
    List<Candidate> list = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      list.add(new Candidate(grade.name() + String.format("%04d", i), grade));
    }
    return list;
  }

  static List<Candidate> region() {
    List<Candidate> all = new ArrayList<>();
    all.addAll(candidates(Grade.A, 100));
    all.addAll(candidates(Grade.B, 41));
    all.addAll(candidates(Grade.C, 10));
    all.addAll(candidates(Grade.D, 3));
    return all;
  }

  @Test
  void eachGradeIsSampledAtItsRateRoundedUp() {
    InspectionPlan plan = InspectionPlan.draw("440300", 2027, 42, region(), RATES, NOW, "supervisor-wang");
    assertThat(plan.samples()).extracting(GradeSample::grade).containsExactly(Grade.values());
    assertThat(plan.samples()).extracting(GradeSample::population).containsExactly(100, 41, 10, 3);
    assertThat(plan.samples()).extracting(s -> s.drawn().size()).containsExactly(5, 9, 4, 3);
    for (GradeSample sample : plan.samples()) {
      assertThat(sample.drawn()).doesNotHaveDuplicates()
          .allSatisfy(uscc -> assertThat(uscc).startsWith(sample.grade().name()));
    }
  }

  @Test
  void theSameSeedDrawsTheSameEnterprisesWhateverOrderTheyWereReadIn() {
    List<Candidate> shuffled = new ArrayList<>(region());
    Collections.shuffle(shuffled);
    InspectionPlan first = InspectionPlan.draw("440300", 2027, 42, region(), RATES, NOW, "a");
    InspectionPlan again = InspectionPlan.draw("440300", 2027, 42, shuffled, RATES, NOW, "b");
    InspectionPlan otherSeed = InspectionPlan.draw("440300", 2027, 43, region(), RATES, NOW, "a");
    assertThat(again.samples()).isEqualTo(first.samples());
    assertThat(otherSeed.samples().get(0).drawn()).isNotEqualTo(first.samples().get(0).drawn());
  }

  @Test
  void listedEnterprisesAreAllInspectedTwiceAYearAndLeftOutOfTheRandomDraw() {
    List<Candidate> all = new ArrayList<>(region());
    all.add(new Candidate("LISTED-2", Grade.D, true));
    all.add(new Candidate("LISTED-1", Grade.D, true));
    InspectionPlan plan = InspectionPlan.draw("440300", 2027, 42, all, RATES, NOW, "a");
    assertThat(plan.listed()).containsExactly("LISTED-1", "LISTED-2");
    assertThat(plan.samples().get(3).population()).as("D drawn from the unlisted only").isEqualTo(3);
    assertThat(plan.samples()).flatExtracting(GradeSample::drawn).noneMatch(u -> u.startsWith("LISTED"));
  }

  @Test
  void aRateOutsideItsGradesBandIsRefused() {
    assertThatThrownBy(() -> new SamplingRates(Map.of(Grade.A, 6, Grade.B, 20, Grade.C, 40, Grade.D, 80)))
        .hasMessageContaining("grade A must be 0–5 %");
    assertThatThrownBy(() -> new SamplingRates(Map.of(Grade.A, 5, Grade.B, 20, Grade.C, 20, Grade.D, 80)))
        .hasMessageContaining("grade C must be 21–60 %");
    assertThatThrownBy(() -> new SamplingRates(Map.of(Grade.A, 5, Grade.B, 20, Grade.C, 40, Grade.D, 60)))
        .hasMessageContaining("grade D must be 61–100 %");
    assertThatThrownBy(() -> new SamplingRates(Map.of(Grade.A, 5, Grade.B, 20, Grade.C, 40)))
        .hasMessageContaining("grade D");
    assertThat(new SamplingRates(Map.of(Grade.A, 0, Grade.B, 5, Grade.C, 21, Grade.D, 100)).sampleSize(Grade.D, 7))
        .isEqualTo(7);
  }
}
