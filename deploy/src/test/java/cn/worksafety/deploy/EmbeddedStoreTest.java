package cn.worksafety.deploy;

import static cn.worksafety.deploy.StoreClients.client;
import static cn.worksafety.deploy.StoreClients.freePort;
import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedStoreTest {

  @TempDir
  Path dir;

  @Test
  void cleanStopKeepsTheDataInTheFile() throws IOException {
    Path file = dir.resolve("store.mv.db");
    int port = freePort();

    EmbeddedStore first = EmbeddedStore.start(port, "h2", file);
    try (MongoClient client = client(first.connectionString())) {
      enterprises(client).insertOne(new Document("_id", "914403001922038216").append("name", "深圳市华安化工有限公司"));
    }
    first.stop();

    EmbeddedStore second = EmbeddedStore.start(port, "h2", file);
    try (MongoClient client = client(second.connectionString())) {
      Document found = enterprises(client).find(new Document("_id", "914403001922038216")).first();
      assertThat(found).isNotNull();
      assertThat(found.getString("name")).isEqualTo("深圳市华安化工有限公司");
    } finally {
      second.stop();
    }
  }

  /** The way the local stack runs it: its own process, stopped with SIGTERM. */
  @Test
  void sigtermShutsDownCleanly() throws Exception {
    Path file = dir.resolve("store.mv.db");
    Path log = dir.resolve("store.log");
    int port = freePort();
    Process process = new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"),
        EmbeddedStore.class.getName(), "--port", String.valueOf(port), "--backend", "h2", "--file", file.toString())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.readString(log).contains("EmbeddedStore: ready on") && System.nanoTime() < deadline) {
        assertThat(process.isAlive()).as("store process; log: %s", Files.readString(log)).isTrue();
        Thread.sleep(100);
      }
      try (MongoClient client = client("mongodb://127.0.0.1:" + port)) {
        for (int i = 0; i < 100; i++) {
          enterprises(client).insertOne(new Document("_id", "e" + i).append("n", i));
        }
      }
      process.destroy(); // SIGTERM, as the local stack does
      assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    } finally {
      process.destroyForcibly();
    }
    assertThat(Files.readString(log)).contains("EmbeddedStore: shut down cleanly");

    EmbeddedStore again = EmbeddedStore.start(port, "h2", file);
    try (MongoClient client = client(again.connectionString())) {
      assertThat(enterprises(client).countDocuments()).isEqualTo(100);
    } finally {
      again.stop();
    }
  }

  @Test
  void memoryBackendServes() {
    EmbeddedStore store = EmbeddedStore.start(freePort(), "memory", null);
    try (MongoClient client = client(store.connectionString())) {
      enterprises(client).insertOne(new Document("_id", "x"));
      assertThat(enterprises(client).countDocuments()).isEqualTo(1);
    } finally {
      store.stop();
    }
  }

  private static MongoCollection<Document> enterprises(MongoClient client) {
    return client.getDatabase("enforcement").getCollection("enterprises");
  }
}
