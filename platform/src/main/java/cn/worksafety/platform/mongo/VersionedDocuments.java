package cn.worksafety.platform.mongo;

import cn.worksafety.platform.audit.AuditEntry;
import cn.worksafety.platform.audit.AuditTrail;
import cn.worksafety.platform.outbox.Outbox;
import cn.worksafety.platform.outbox.OutboxEntry;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * The two writes an aggregate needs, each a single-document write that also carries the events the
 * change causes. Optimistic locking is a {@code findOneAndUpdate} on {@code {_id, version}}: the
 * embedded store serves that from the unique index {@link VersionIndexes} creates (without it, or
 * with an {@code updateOne}, it scans the collection). A write that carries events wakes the relay, so they go out at once. An audited
 * write appends its {@link AuditEntry} in the same write; no write ever sets the trail itself.
 */
@Component
public class VersionedDocuments {
  private static final String OUTBOX = "outbox";
  static final String VERSION = "version";
  /** Read a record's state without its outbox and audit trail, which only grow. */
  public static final Bson STATE_ONLY = Projections.exclude(OUTBOX, AuditTrail.FIELD);
  private static final FindOneAndUpdateOptions ONLY_ID =
      new FindOneAndUpdateOptions().projection(Projections.include("_id"));
  private final Outbox outbox;

  public VersionedDocuments(Outbox outbox) {
    this.outbox = outbox;
  }

  /** Inserts a new document with its first events; false when one with that {@code _id} exists. */
  public boolean insert(MongoCollection<Document> collection, Document document, List<OutboxEntry> events) {
    return insert(collection, document, events, null);
  }

  /** As {@link #insert(MongoCollection, Document, List)}, starting the document's audit trail with {@code audit}. */
  public boolean insert(MongoCollection<Document> collection, Document document, List<OutboxEntry> events,
      AuditEntry audit) {
    Document withEvents = new Document(document);
    withEvents.put(OUTBOX, events.stream().map(Outbox::asDocument).toList());
    if (audit != null) {
      withEvents.put(AuditTrail.FIELD, List.of(AuditTrail.toDocument(audit)));
    }
    if (!Inserts.ifAbsent(collection, withEvents)) {
      return false;
    }
    wakeRelay(collection, document, events);
    return true;
  }

  /**
   * Replaces every field of the stored document that is at {@code expectedVersion} with those of
   * {@code changed} and appends {@code events} to its outbox; false when it is no longer that version.
   */
  public boolean update(MongoCollection<Document> collection, Document changed, long expectedVersion,
      List<OutboxEntry> events) {
    return update(collection, changed, expectedVersion, events, null);
  }

  /** As {@link #update(MongoCollection, Document, long, List)}, appending {@code audit} to the document's trail. */
  public boolean update(MongoCollection<Document> collection, Document changed, long expectedVersion,
      List<OutboxEntry> events, AuditEntry audit) {
    List<Bson> updates = new ArrayList<>();
    changed.forEach((field, value) -> {
      if (!field.equals("_id") && !field.equals(OUTBOX) && !field.equals(AuditTrail.FIELD)) {
        updates.add(Updates.set(field, value));
      }
    });
    if (!events.isEmpty()) {
      updates.add(Outbox.push(events));
    }
    if (audit != null) {
      updates.add(Updates.push(AuditTrail.FIELD, AuditTrail.toDocument(audit)));
    }
    // A plain {_id, version} document, not $and: the embedded store serves it from VersionIndexes' index.
    // only whether it matched is needed back, not the document with its outbox and audit trail
    Document previous = collection.findOneAndUpdate(
        new Document("_id", changed.get("_id")).append(VERSION, expectedVersion), Updates.combine(updates),
        ONLY_ID);
    if (previous == null) {
      return false;
    }
    wakeRelay(collection, changed, events);
    return true;
  }

  /** The state of the document with this {@code _id}, without its outbox and audit trail. */
  public Optional<Document> find(MongoCollection<Document> collection, Object id) {
    return Optional.ofNullable(collection.find(Filters.eq("_id", id)).projection(STATE_ONLY).first());
  }

  /** The audit trail of the document with this {@code _id}, oldest first; empty when there is none. */
  public Optional<List<AuditEntry>> history(MongoCollection<Document> collection, Object id) {
    return Optional.ofNullable(collection.find(Filters.eq("_id", id)).projection(Projections.include(AuditTrail.FIELD))
        .first()).map(AuditTrail::read);
  }

  private void wakeRelay(MongoCollection<Document> collection, Document document, List<OutboxEntry> events) {
    if (!events.isEmpty()) {
      outbox.written(collection.getNamespace().getCollectionName(), document.get("_id"));
    }
  }
}
