package cn.worksafety.enforcement;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The optimistic-lock write is served from an index only if every versioned collection has it. */
class VersionIndexesTest extends EnforcementIntegrationTest {

  @Autowired
  MongoDatabase database;

  @Test
  void everyCollectionWithAnOutboxHasTheUniqueIdVersionIndex() {
    for (String name : List.of("enterprises", "cases", "accidents", "inspections")) {
      List<Document> indexes = database.getCollection(name).listIndexes().into(new ArrayList<>());
      assertThat(indexes).as(name).anySatisfy(index -> {
        assertThat(index.get("key", Document.class).keySet()).containsExactly("_id", "version");
        assertThat(index.getBoolean("unique")).isTrue();
      });
    }
  }
}
