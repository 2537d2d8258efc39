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

/**
 * The two writes an aggregate needs, each a single-document write that also carries the events the
 * change causes. Optimistic locking is a {@code findOneAndUpdate} on {@code {_id, version}}: the
 * embedded store serves that by {@code _id}, while an {@code updateOne} with the same filter scans
 * the collection.
 */
public final class VersionedDocuments {
  private static final String OUTBOX = "outbox";

  private VersionedDocuments() {}

  /** Inserts a new document with its first events; false when one with that {@code _id} exists. */
  public static boolean insert(MongoCollection<Document> collection, Document document, List<OutboxEntry> events) {
    Document withEvents = new Document(document);
    withEvents.put(OUTBOX, events.stream().map(Outbox::asDocument).toList());
    try {
      collection.insertOne(withEvents);
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
  public static boolean update(MongoCollection<Document> collection, Document changed, long expectedVersion,
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
    return previous != null;
  }
}
