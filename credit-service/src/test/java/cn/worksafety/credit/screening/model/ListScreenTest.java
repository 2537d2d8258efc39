package cn.worksafety.credit.screening.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListScreenTest {
  private static final LocalDate START = LocalDate.of(2026, 3, 1);
  private final ListedUnit chemicals = unit("e1", "914403001922038216", "深圳市示例（集团）化工有限责任公司");
  private final ListedUnit neighbour = unit("e2", "91440300MA5FXXXX1A", "深圳市甲乙化工有限公司");
  private final ListScreen screen = new ListScreen(List.of(chemicals, neighbour));

  @Test
  void anEqualCodeIsCertainWhateverTheName() {
    assertThat(screen.matches(new ScreeningQuery(null, " 914403001922038216", "完全不同的名称"), 0.8))
        .singleElement().satisfies(m -> {
          assertThat(m.entry()).isEqualTo(chemicals);
          assertThat(m.score()).isEqualTo(1.0);
          assertThat(m.reason()).isEqualTo("USCC");
        });
  }

  @Test
  void widthBracketsSpacesAndTheCompanyFormDoNotMakeADifferentName() {
    for (String spelling : List.of("深圳市示例(集团)化工有限公司", "深圳市示例 集团 化工", "深圳市示例【集团】化工股份有限公司")) {
      assertThat(screen.matches(new ScreeningQuery(null, null, spelling), 0.8)).as(spelling)
          .singleElement().satisfies(m -> {
            assertThat(m.entry()).isEqualTo(chemicals);
            assertThat(m.score()).isEqualTo(ListScreen.NAME_EQUAL_SCORE);
            assertThat(m.reason()).isEqualTo("NAME_EQUAL");
          });
    }
    assertThat(UnitNames.normalized("ＡＢＣ　化工，Co., Ltd.")).isEqualTo("abc化工");
  }

  @Test
  void anotherCompanyOfTheSameCityAndTradeIsNotAMatchButACloseSpellingIs() {
    assertThat(screen.matches(new ScreeningQuery(null, null, "深圳市丙丁化工有限公司"), 0.8)).isEmpty();

    List<Match> close = screen.matches(new ScreeningQuery(null, null, "深圳市示例集团化工厂"), 0.8);
    assertThat(close).singleElement().satisfies(m -> {
      assertThat(m.entry()).isEqualTo(chemicals);
      assertThat(m.reason()).isEqualTo("NAME_SIMILAR");
      assertThat(m.score()).isBetween(0.8, 0.95);
    });
    assertThat(screen.matches(new ScreeningQuery(null, null, "深圳市示例集团化工厂"), close.get(0).score() + 0.001))
        .as("the threshold is the lowest score reported").isEmpty();
  }

  @Test
  void aCodeAndANameAnsweredByTwoEntriesAreListedSurestFirst() {
    List<Match> found = screen.matches(new ScreeningQuery(null, "91440300MA5FXXXX1A", "深圳市示例集团化工"), 0.8);
    assertThat(found).extracting(m -> m.entry().entryId()).containsExactly("e2", "e1");
  }

  private static ListedUnit unit(String id, String uscc, String name) {
    return new ListedUnit(id, uscc, name, START, START.plusYears(3).minusDays(1));
  }
}
