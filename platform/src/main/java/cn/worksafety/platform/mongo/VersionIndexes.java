package cn.worksafety.platform.mongo;

import cn.worksafety.platform.outbox.OutboxProperties;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.util.ArrayList;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Before the service takes requests, gives every versioned collection (those with an outbox) a
 * unique index on {@code {_id, version}}. The embedded store answers the optimistic-lock write
 * {@code findOneAndUpdate({_id, version})} from that index; without it, it scans the whole
 * collection under its lock (seconds at 100,000 cases). On MongoDB the index is harmless.
 */
@Component
public class VersionIndexes implements SmartInitializingSingleton {
  private static final String NAME = "_id_version";
  private static final Logger log = LoggerFactory.getLogger(VersionIndexes.class);
  private final MongoDatabase database;
  private final OutboxProperties outbox;

  public VersionIndexes(MongoDatabase database, OutboxProperties outbox) {
    this.database = database;
    this.outbox = outbox;
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (String name : outbox.collections()) {
      MongoCollection<Document> collection = database.getCollection(name);
      // look first: whether a store rebuilds an index asked for again is its own affair, and a
      // rebuild over 100,000 documents would hold up every start
      if (collection.listIndexes().into(new ArrayList<>()).stream().anyMatch(i -> NAME.equals(i.getString("name")))) {
        continue;
      }
      long started = System.nanoTime();
      collection.createIndex(Indexes.ascending("_id", VersionedDocuments.VERSION),
          new IndexOptions().unique(true).name(NAME));
      log.info("version index on {} built in {} ms", name, (System.nanoTime() - started) / 1_000_000);
    }
  }
}
