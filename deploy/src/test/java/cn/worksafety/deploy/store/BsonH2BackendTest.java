package cn.worksafety.deploy.store;

import static cn.worksafety.deploy.StoreClients.client;
import static cn.worksafety.deploy.StoreClients.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.worksafety.deploy.EmbeddedStore;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The store with documents and index keys kept as BSON bytes, through the driver as the services use it. */
class BsonH2BackendTest {

  @TempDir
  Path dir;

  @Test
  void uniqueIndexesFindAndRejectByEveryKindOfKey() {
    withStore(files -> {
      List<Object> ids = List.of("914403001922038216", 42, 7_000_000_000L, 2.5, new ObjectId(),
          new Date(1_700_000_000_000L), new Document("case", "C-1").append("step", 3), true);
      for (Object id : ids) {
        files.insertOne(new Document("_id", id).append("n", ids.indexOf(id)));
      }
      for (Object id : ids) {
        Document found = files.find(Filters.eq("_id", id)).first();
        assertThat(found).as("found by %s", id).isNotNull();
        assertThat(found.getInteger("n")).isEqualTo(ids.indexOf(id));
        assertThatThrownBy(() -> files.insertOne(new Document("_id", id)))
            .as("second %s", id).isInstanceOf(MongoWriteException.class).hasMessageContaining("duplicate key");
      }
      assertThat(files.countDocuments()).isEqualTo(ids.size());
    });
  }

  @Test
  void documentsComeBackAsWrittenAfterARestart() {
    Document written = new Document("_id", "914403001922038216").append("name", "深圳市华安化工有限公司")
        .append("score", 87).append("sequence", 7_000_000_000L).append("ratio", 0.25).append("listed", false)
        .append("decidedAt", new Date(1_700_000_000_123L)).append("withdrawal", null)
        .append("amount", new Decimal128(new BigDecimal("12345.67"))).append("signature", new Binary(new byte[] {1, 2, 3}))
        .append("records", List.of(new Document("id", "r1").append("codes", List.of("AQSC-110", "SGBG-36")),
            new Document("id", "r2").append("codes", List.of())));
    Path file = dir.resolve("store.mv.db");
    int port = freePort();
    EmbeddedStore first = EmbeddedStore.start(port, "h2", file);
    try (MongoClient client = client(first.connectionString())) {
      files(client).insertOne(written);
      files(client).updateOne(Filters.eq("_id", written.get("_id")), new Document("$inc", new Document("score", 1)));
    } finally {
      first.stop();
    }
    written.put("score", 88);

    EmbeddedStore second = EmbeddedStore.start(port, "h2", file);
    try (MongoClient client = client(second.connectionString())) {
      MongoCollection<Document> files = files(client);
      assertThat(files.find().first()).isEqualTo(written);
      assertThat(files.find(Filters.eq("records.codes", "SGBG-36")).first()).isEqualTo(written);
      assertThat(files.find(Filters.eq("name", "别的企业")).first()).isNull();
      assertThat(files.find().projection(Projections.include("_id")).into(new ArrayList<>()))
          .containsExactly(new Document("_id", written.get("_id")));
      assertThat(files.find().projection(Projections.include("_id", "score")).into(new ArrayList<>()))
          .containsExactly(new Document("_id", written.get("_id")).append("score", 88));
      assertThat(files.deleteOne(Filters.eq("_id", written.get("_id"))).getDeletedCount()).isEqualTo(1);
      assertThat(files.countDocuments()).isZero();
    } finally {
      second.stop();
    }
  }

  @Test
  void aNumberIsOneKeyWhateverItsType() {
    withStore(files -> {
      files.insertOne(new Document("_id", 1));
      assertThatThrownBy(() -> files.insertOne(new Document("_id", 1L))).isInstanceOf(MongoWriteException.class);
      assertThatThrownBy(() -> files.insertOne(new Document("_id", 1.0))).isInstanceOf(MongoWriteException.class);
      assertThat(files.find(Filters.eq("_id", 1.0)).first()).isNotNull();
    });
  }

  @Test
  void compoundAndSparseUniqueIndexes() {
    withStore(files -> {
      files.createIndex(Indexes.ascending("_id", "version"), new IndexOptions().unique(true));
      files.createIndex(Indexes.ascending("licence"), new IndexOptions().unique(true).sparse(true));
      files.insertOne(new Document("_id", "a").append("version", 1).append("licence", "L-1"));
      files.insertOne(new Document("_id", "b").append("version", 1));
      files.insertOne(new Document("_id", "c").append("version", 1));

      assertThatThrownBy(() -> files.insertOne(new Document("_id", "d").append("licence", "L-1")))
          .isInstanceOf(MongoWriteException.class).hasMessageContaining("licence");
      assertThat(files.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 1)),
          new Document("$set", new Document("version", 2))).getModifiedCount()).isEqualTo(1);
      assertThat(files.updateOne(Filters.and(Filters.eq("_id", "a"), Filters.eq("version", 1)),
          new Document("$set", new Document("version", 3))).getModifiedCount()).isZero();
      assertThat(files.find(Filters.in("_id", "a", "c", "z")).map(d -> d.getString("_id")).into(new ArrayList<>()))
          .containsExactlyInAnyOrder("a", "c");
      assertThat(files.find(Filters.gt("_id", "a")).map(d -> d.getString("_id")).into(new ArrayList<>()))
          .containsExactlyInAnyOrder("b", "c");
      assertThat(files.find(Filters.gt("_id", "a")).projection(Projections.include("_id"))
          .map(d -> d.getString("_id")).into(new ArrayList<>())).containsExactlyInAnyOrder("b", "c");

      files.deleteOne(Filters.eq("_id", "a"));
      files.insertOne(new Document("_id", "e").append("licence", "L-1"));
      assertThat(files.find(Filters.eq("licence", "L-1")).first().getString("_id")).isEqualTo("e");
    });
  }

  @Test
  void indexesKeptByAnEarlierVersionAreConvertedWhenOpened() {
    Path file = dir.resolve("store.mv.db");
    int port = freePort();
    MongoServer old = new MongoServer(new H2Backend(new MVStore.Builder().fileName(file.toString()).open()));
    old.bind("127.0.0.1", port);
    try (MongoClient client = client("mongodb://127.0.0.1:" + port)) {
      MongoCollection<Document> files = files(client);
      files.createIndex(Indexes.ascending("licence"), new IndexOptions().unique(true));
      for (int i = 0; i < 50; i++) {
        files.insertOne(new Document("_id", "f" + i).append("licence", "L-" + i).append("n", i));
      }
    }
    old.shutdown();

    EmbeddedStore store = EmbeddedStore.start(port, "h2", file);
    try (MongoClient client = client(store.connectionString())) {
      MongoCollection<Document> files = files(client);
      assertThat(files.find(Filters.eq("_id", "f17")).first().getString("licence")).isEqualTo("L-17");
      assertThat(files.find(Filters.gte("n", 45)).map(d -> d.getString("_id")).into(new ArrayList<>()))
          .containsExactlyInAnyOrder("f45", "f46", "f47", "f48", "f49");
      assertThatThrownBy(() -> files.insertOne(new Document("_id", "f17"))).isInstanceOf(MongoWriteException.class);
      assertThatThrownBy(() -> files.insertOne(new Document("_id", "g").append("licence", "L-3")))
          .isInstanceOf(MongoWriteException.class);
      files.insertOne(new Document("_id", "f50").append("licence", "L-50"));
    } finally {
      store.stop();
    }

    MVStore reopened = new MVStore.Builder().fileName(file.toString()).readOnly().open();
    try {
      assertThat(reopened.getMapNames()).noneMatch(name -> name.contains("._index_") || name.endsWith("._converting"))
          .contains("credit.files._keys__id_", "credit.files._keys_licence_1", "databases.credit.files");
      MVMap<Object, byte[]> documents = reopened.openMap("databases.credit.files",
          new MVMap.Builder<Object, byte[]>().valueType(BytesType.INSTANCE));
      assertThat(documents.keySet()).hasSize(51);
      assertThat(Bson.document(documents.get("f3")).get("licence")).isEqualTo("L-3");
    } finally {
      reopened.close();
    }
  }

  private void withStore(java.util.function.Consumer<MongoCollection<Document>> test) {
    EmbeddedStore store = EmbeddedStore.start(freePort(), "h2", dir.resolve("store.mv.db"));
    try (MongoClient client = client(store.connectionString())) {
      test.accept(files(client));
    } finally {
      store.stop();
    }
  }

  private static MongoCollection<Document> files(MongoClient client) {
    return client.getDatabase("credit").getCollection("files");
  }
}
