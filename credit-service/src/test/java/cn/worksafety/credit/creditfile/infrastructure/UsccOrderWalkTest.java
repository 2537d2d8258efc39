package cn.worksafety.credit.creditfile.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.platform.testing.EmbeddedMongo;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The batched walk over credit files against the embedded store over TCP. */
class UsccOrderWalkTest {
  private MongoClient client;
  private MongoCollection<Document> files;
  private final List<String> keys = IntStream.range(0, 23).mapToObj(i -> "91110000%010d".formatted(i * 7)).toList();

  @BeforeEach
  void files() {
    String uri = EmbeddedMongo.uri("walk");
    client = MongoClients.create(uri);
    files = client.getDatabase(new ConnectionString(uri).getDatabase()).getCollection("credit_files");
    List<String> shuffled = new ArrayList<>(keys);
    Collections.shuffle(shuffled, new Random(7));
    shuffled.forEach(k -> files.insertOne(new Document("_id", k).append("name", "企业" + k)));
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void everyDocumentComesOnceInKeyOrderWholeAcrossBatches() {
    try (Stream<Document> walk = UsccOrderWalk.after(files, null, 5)) {
      List<Document> read = walk.toList();
      assertThat(read).extracting(d -> d.getString("_id")).containsExactlyElementsOf(keys);
      assertThat(read).allSatisfy(d -> assertThat(d.getString("name")).isEqualTo("企业" + d.getString("_id")));
    }
  }

  @Test
  void aBatchOfMoreKeysThanOneQueryAsksForComesWhole() {
    List<String> more = IntStream.range(0, 250).mapToObj(i -> "91120000%010d".formatted(i)).toList();
    more.forEach(k -> files.insertOne(new Document("_id", k)));
    try (Stream<Document> walk = UsccOrderWalk.after(files, null, 1_000)) {
      List<String> expected = new ArrayList<>(keys);
      expected.addAll(more);
      assertThat(walk.map(d -> d.getString("_id"))).containsExactlyElementsOf(expected);
    }
  }

  @Test
  void closingAWalkHalfWayStopsItsReader() throws InterruptedException {
    try (Stream<Document> walk = UsccOrderWalk.after(files, null, 5)) {
      assertThat(walk.limit(3).count()).isEqualTo(3);
    }
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(5);
    while (readerAlive() && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(readerAlive()).as("the walk's reader thread after the walk was closed").isFalse();
  }

  private static boolean readerAlive() {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("uscc-order-walk"));
  }

  @Test
  void aWalkResumedAfterAKeyStartsWithTheNextOne() {
    try (Stream<Document> walk = UsccOrderWalk.after(files, keys.get(9), 4)) {
      assertThat(walk.map(d -> d.getString("_id"))).containsExactlyElementsOf(keys.subList(10, keys.size()));
    }
  }

  @Test
  void aDocumentDeletedWhileTheWalkIsUnderWayIsLeftOut() {
    try (Stream<Document> walk = UsccOrderWalk.after(files, null, 5)) {
      Iterator<Document> next = walk.iterator();
      List<String> read = new ArrayList<>(List.of(next.next().getString("_id")));
      files.deleteOne(Filters.eq("_id", keys.get(12)));
      next.forEachRemaining(d -> read.add(d.getString("_id")));

      List<String> expected = new ArrayList<>(keys);
      expected.remove(12);
      assertThat(read).containsExactlyElementsOf(expected);
    }
  }
}
