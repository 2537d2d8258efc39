package cn.worksafety.platform.mongo;

import cn.worksafety.platform.outbox.OutboxProperties;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
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
  private static final Logger log = LoggerFactory.getLogger(VersionIndexes.class);
  private final MongoDatabase database;
  private final OutboxProperties outbox;

  public VersionIndexes(MongoDatabase database, OutboxProperties outbox) {
    this.database = database;
    this.outbox = outbox;
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (String collection : outbox.collections()) {
      long started = System.nanoTime();
      database.getCollection(collection).createIndex(Indexes.ascending("_id", VersionedDocuments.VERSION),
          new IndexOptions().unique(true).name("_id_version"));
      log.debug("version index on {} ready in {} ms", collection, (System.nanoTime() - started) / 1_000_000);
    }
  }
}
