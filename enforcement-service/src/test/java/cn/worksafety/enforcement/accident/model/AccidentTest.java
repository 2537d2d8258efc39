package cn.worksafety.enforcement.accident.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.worksafety.platform.problem.DomainException;
import cn.worksafety.platform.problem.ProblemKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccidentTest {
  static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");
  static final Figures TWO_INJURED = new Figures(0, 2, new BigDecimal("380000.00"));

  static Accident reported() {
    return Accident.report("a1", "914403001922038216", "440300", NOW.minusSeconds(3600), "爆燃", TWO_INJURED, false,
        NOW).accident();
  }

  @Test
  void anAccidentCannotHaveHappenedInTheFuture() {
    assertThatThrownBy(() -> Accident.report("a1", "914403001922038216", "440300", NOW.plusSeconds(600), "x",
        TWO_INJURED, false, NOW))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.getMessage()).startsWith("occurredAt:"));
  }

  @Test
  void reportingAnnouncesTheReportedGrade() {
    Accident.Change change = Accident.report("a1", "914403001922038216", "440300", NOW, "x", TWO_INJURED, false, NOW);
    assertThat(change.accident().grade()).isEqualTo(AccidentGrade.ORDINARY);
    assertThat(change.events()).singleElement().extracting(AccidentEvent::kind).isEqualTo(AccidentEvent.Kind.REPORTED);
  }

  @Test
  void theEstablishedFiguresSetTheGradeOnceConcluded() {
    Accident.Change concluded = reported().conclude(new Figures(3, 2, new BigDecimal("1250000")), false, NOW);
    assertThat(concluded.accident().grade()).isEqualTo(AccidentGrade.MAJOR);
    assertThat(concluded.accident().reported()).isEqualTo(TWO_INJURED);
    assertThat(concluded.accident().state()).isEqualTo(AccidentState.CONCLUDED);
    assertThat(concluded.events()).singleElement().extracting(AccidentEvent::kind)
        .isEqualTo(AccidentEvent.Kind.CONCLUDED);
    assertThatThrownBy(() -> concluded.accident().conclude(TWO_INJURED, false, NOW))
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.kind()).isEqualTo(ProblemKind.CONFLICT));
  }

  @Test
  void concealmentFoundAfterConclusionIsAnnouncedAgain() {
    Accident concluded = reported().conclude(TWO_INJURED, false, NOW).accident();
    Accident.Change marked = concluded.recordConcealment("隐瞒死亡人数", NOW);
    assertThat(marked.accident().concealed()).isTrue();
    assertThat(marked.events()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo(AccidentEvent.Kind.CONCLUDED);
      assertThat(e.accident().concealed()).isTrue();
    });
    assertThatThrownBy(() -> marked.accident().recordConcealment("again", NOW)).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> concluded.conclude(TWO_INJURED, false, NOW)).isInstanceOfSatisfying(DomainException.class,
        e -> assertThat(e.properties()).containsEntry("allowed", List.of("concealment")));
    assertThatThrownBy(() -> marked.accident().conclude(TWO_INJURED, false, NOW))
        .as("nothing is left to do once concealment is on record")
        .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.properties()).containsEntry("allowed", List.of()));
  }

  @Test
  void concealmentFoundBeforeConclusionTravelsWithTheConclusion() {
    Accident.Change marked = reported().recordConcealment("谎报", NOW);
    assertThat(marked.events()).isEmpty();
    assertThat(marked.accident().conclude(TWO_INJURED, false, NOW).accident().concealed()).isTrue();
  }

  @Test
  void figuresAreChecked() {
    assertThatThrownBy(() -> new Figures(-1, 0, BigDecimal.ZERO)).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> new Figures(0, -1, BigDecimal.ZERO)).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> new Figures(0, 0, new BigDecimal("-0.01"))).isInstanceOf(DomainException.class);
    assertThatThrownBy(() -> new Figures(0, 0, new BigDecimal("1.001"))).isInstanceOf(DomainException.class);
  }
}
