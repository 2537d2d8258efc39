package cn.worksafety.platform.mongo;

import cn.worksafety.platform.outbox.Outbox;
import cn.worksafety.platform.outbox.OutboxEntry;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The two writes an aggregate needs, each a single-document write that also carries the events the
 * change causes. Optimistic locking is a {@code findOneAndUpdate} on {@code {_id, version}}: the
 * embedded store serves that by {@code _id}, while an {@code updateOne} with the same filter scans
 * the collection. A write that carries events wakes the relay, so they go out at once.
 */
@Component
public class VersionedDocuments {
  private static final String OUTBOX = "outbox";
  private final Outbox outbox;

  public VersionedDocuments(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Inserts a new document with its first events; false when one with that {@code _id} exists. */
  public boolean insert(MongoCollection<Document> collection, Document document, List<OutboxEntry> events) {
    Document withEvents = new Document(document);
    withEvents.put(OUTBOX, events.stream().map(Outbox::asDocument).toList());
    try {
      collection.insertOne(withEvents);
      wakeRelay(collection, document, events);
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  /**
   * Replaces every field of the stored document that is at {@code expectedVersion} with those of
   * {@code changed} and appends {@code events} to its outbox; false when it is no longer that version.
   */
  public boolean update(MongoCollection<Document> collection, Document changed, long expectedVersion,
      List<OutboxEntry> events) {
    List<Bson> updates = new ArrayList<>();
    changed.forEach((field, value) -> {
      if (!field.equals("_id") && !field.equals(OUTBOX)) {
        updates.add(Updates.set(field, value));
      }
    });
    if (!events.isEmpty()) {
      updates.add(Outbox.push(events));
    }
    Document previous = collection.findOneAndUpdate(
        Filters.and(Filters.eq("_id", changed.get("_id")), Filters.eq("version", expectedVersion)),
        Updates.combine(updates));
    if (previous == null) {
      return false;
    }
    wakeRelay(collection, changed, events);
    return true;
  }

  private void wakeRelay(MongoCollection<Document> collection, Document document, List<OutboxEntry> events) {
    if (!events.isEmpty()) {
      outbox.written(collection.getNamespace().getCollectionName(), document.get("_id"));
    }
  }
}
