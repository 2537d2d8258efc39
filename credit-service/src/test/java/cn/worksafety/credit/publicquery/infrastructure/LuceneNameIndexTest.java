package cn.worksafety.credit.publicquery.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import cn.worksafety.credit.creditfile.model.RegisteredName;
import cn.worksafety.credit.publicquery.model.Found;
import cn.worksafety.credit.publicquery.model.Hits;
import cn.worksafety.credit.publicquery.model.NameQuery;
import cn.worksafety.platform.testing.TestUsccs;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The index on its own: what a search finds, in which order, page by page. */
class LuceneNameIndexTest {
  private LuceneNameIndex index;

  @BeforeEach
  void open() throws Exception {
    index = new LuceneNameIndex(Files.createTempDirectory("name-index-test"), true, Duration.ofMillis(20));
  }

  @AfterEach
  void close() throws Exception {
    index.destroy();
  }

  @Test
  void aPartOfAChineseNameFindsTheNamesThatContainItAsWritten() {
    String antai = put("杭州安泰化工有限公司");
    String taian = put("杭州泰安化工有限公司");
    String fullWidth = put("宁波安泰（集团）ＡＢＣ有限公司");
    index.openForSearch();

    assertThat(uscc(search("安泰"))).containsExactlyInAnyOrder(antai, fullWidth);
    assertThat(uscc(search("安泰化工"))).containsExactly(antai);
    assertThat(uscc(search("安工"))).as("not side by side in any name").isEmpty();
    assertThat(uscc(search("泰"))).containsExactlyInAnyOrder(antai, taian, fullWidth);
    assertThat(uscc(search("安泰集团"))).as("brackets do not count").containsExactly(fullWidth);
    assertThat(uscc(search("（集团）abc"))).as("width and case do not count").containsExactly(fullWidth);
    assertThat(uscc(search("！？"))).as("nothing left to search").isEmpty();
  }

  @Test
  void theStartOfACodeFindsItInAnyCase() {
    String code = TestUsccs.random("330100");
    index.put(List.of(new RegisteredName(code, "某某公司", "330100", 1)));
    String other = put("另一家公司");
    index.openForSearch();

    assertThat(uscc(search(code.substring(0, 10).toLowerCase()))).contains(code).doesNotContain(other);
    assertThat(uscc(search(code))).containsExactly(code);
    assertThat(uscc(search(" " + code.substring(0, 6) + " " + code.substring(6, 12)))).contains(code);
  }

  @Test
  void aCodeStartingWithWhatWasTypedComesBeforeANameContainingIt() {
    String named = TestUsccs.random("440300");
    index.put(List.of(new RegisteredName(named, "杭州91330100电子厂", "440300", 1)));
    String coded = put("某某电子有限公司");
    index.openForSearch();

    assertThat(uscc(search("91330100"))).containsExactly(coded, named);
  }

  @Test
  void equalNameThenNameStartingThenContainingShortestFirst() {
    String contains = put("杭州安泰化工有限公司");
    String containsShorter = put("杭州安泰有限公司");
    String starts = put("安泰化工机械制造有限公司");
    String equal = put("安泰");
    index.openForSearch();

    assertThat(uscc(search("安泰"))).containsExactly(equal, starts, containsShorter, contains);
  }

  @Test
  void pagesFollowOneAnotherWithTheTotalOfAllMatches() {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 25; i++) {
      all.add(put("绍兴安泰" + "甲".repeat(i % 5) + "纺织有限公司"));
    }
    put("绍兴恒通纺织有限公司");
    index.openForSearch();

    List<String> paged = new ArrayList<>();
    for (int page = 0; page < 3; page++) {
      Hits hits = index.search(NameQuery.of("安泰"), page * 10, 10);
      assertThat(hits.total()).isEqualTo(25);
      paged.addAll(uscc(hits));
    }
    assertThat(paged).hasSize(25).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(all);
    assertThat(index.search(NameQuery.of("安泰"), 20, 10).items()).hasSize(5);
    assertThat(index.search(NameQuery.of("安泰"), 30, 10).items()).isEmpty();
    assertThat(index.suggest(NameQuery.of("安泰"), 8)).extracting(Found::uscc).containsExactlyElementsOf(
        paged.subList(0, 8));
  }

  @Test
  void aBlankSearchListsEveryEnterpriseByCode() {
    List<String> codes = Stream.generate(() -> TestUsccs.random("330100")).limit(3).sorted().toList();
    List<String> longestFirst = List.of("丙丙丙公司", "乙乙公司", "甲公司");
    for (int i = 0; i < 3; i++) {
      index.put(List.of(new RegisteredName(codes.get(i), longestFirst.get(i), "330100", 1)));
    }
    index.openForSearch();

    Hits all = index.search(NameQuery.of(" "), 0, 10);
    assertThat(all.total()).isEqualTo(3);
    assertThat(uscc(all)).containsExactlyElementsOf(codes);
    assertThat(index.suggest(NameQuery.of(""), 2)).extracting(Found::uscc).containsExactlyElementsOf(
        codes.subList(0, 2));
  }

  @Test
  void aNewNameReplacesTheOldOneAndWritesAreSearchableOnlyOnceOpenedThenShortlyAfter() throws Exception {
    String code = put("温州旧名鞋业有限公司");
    assertThat(uscc(search("旧名"))).as("not opened for search yet").isEmpty();
    index.openForSearch();
    assertThat(uscc(search("旧名"))).containsExactly(code);

    index.put(List.of(new RegisteredName(code, "温州新名鞋业有限公司", "330300", 2)));
    long deadline = System.currentTimeMillis() + 5_000;
    while (!uscc(search("新名")).contains(code) && System.currentTimeMillis() < deadline) {
      Thread.sleep(10);
    }
    assertThat(uscc(search("新名"))).containsExactly(code);
    assertThat(uscc(search("旧名"))).isEmpty();
    assertThat(index.size()).isEqualTo(1);
  }

  /**
   * Closing while a refresh runs: interrupting the refresh broke its file I/O (an interrupt closes
   * the NIO channel in use), once the index's lock file, and the close then failed with "FileLock
   * invalidated by an external force".
   */
  @Test
  void anIndexClosesCleanlyWhileItsRefreshRuns() throws Exception {
    ListAppender<ILoggingEvent> warnings = new ListAppender<>();
    warnings.start();
    Logger indexLog = (Logger) LoggerFactory.getLogger(LuceneNameIndex.class);
    indexLog.addAppender(warnings);
    List<RegisteredName> names = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      names.add(new RegisteredName(TestUsccs.random("330100"), "温州鞋业有限公司" + i, "330100", 1));
    }
    for (int round = 0; round < 20; round++) {
      LuceneNameIndex busy = new LuceneNameIndex(Files.createTempDirectory("name-index-close"), true,
          Duration.ofMillis(1));
      busy.openForSearch();
      busy.put(names);
      Thread.sleep(round % 5); // the refresh writing the segment, at various points
      assertThatCode(busy::destroy).as("round %d", round).doesNotThrowAnyException();
    }
    indexLog.detachAppender(warnings);
    assertThat(warnings.list).extracting(ILoggingEvent::getFormattedMessage).as("refreshes broken by the close")
        .noneMatch(message -> message.contains("refresh failed"));
  }

  private String put(String name) {
    String code = TestUsccs.random("330100");
    index.put(List.of(new RegisteredName(code, name, "330100", 1)));
    return code;
  }

  private Hits search(String q) {
    return index.search(NameQuery.of(q), 0, 100);
  }

  private static List<String> uscc(Hits hits) {
    return hits.items().stream().map(Found::uscc).toList();
  }
}
