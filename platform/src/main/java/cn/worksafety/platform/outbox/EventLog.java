package cn.worksafety.platform.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Every event this service has published, by its gap-free sequence number ({@code _id}).
 *
 * <p>A number is taken by inserting the event under it, so a number exists only if its event does:
 * the counter document is just a hint of where to start and may lag after a crash, in which case
 * the next insert collides and moves on. An event already in the log keeps its number, so a
 * republished event carries the same {@code id} and the same {@code sequence}. Appends happen only
 * under the relay's lease, one at a time.
 */
@Component
public class EventLog {
  static final String COLLECTION = "event_log";
  private static final String COUNTER = "event_log_counter";
  private final MongoCollection<Document> log;
  private final MongoCollection<Document> counter;

  public EventLog(MongoDatabase database) {
    this.log = database.getCollection(COLLECTION);
    this.counter = database.getCollection(COUNTER);
    log.createIndex(Indexes.ascending("eventId"), new IndexOptions().unique(true));
  }

  /** The sequence number of this event, appending it with the next number if it is new. */
  public long append(OutboxEntry event, java.util.function.LongFunction<String> envelope) {
    Optional<Long> existing = sequenceOf(event.id());
    if (existing.isPresent()) {
      return existing.get();
    }
    long next = lastHint() + 1;
    while (true) {
      try {
        log.insertOne(new Document("_id", next).append("eventId", event.id()).append("type", event.type())
            .append("subject", event.subject()).append("envelope", envelope.apply(next)));
        counter.updateOne(Filters.eq("_id", COLLECTION), Updates.max("value", next),
            new UpdateOptions().upsert(true));
        return next;
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
          throw e;
        }
        Optional<Long> raced = sequenceOf(event.id());
        if (raced.isPresent()) {
          return raced.get();
        }
        next++;
      }
    }
  }

  /** The envelope stored for a sequence number. */
  public Optional<String> envelope(long sequence) {
    return Optional.ofNullable(log.find(Filters.eq("_id", sequence)).first()).map(d -> d.getString("envelope"));
  }

  private Optional<Long> sequenceOf(String eventId) {
    Document found = log.find(Filters.eq("eventId", eventId)).first();
    return Optional.ofNullable(found).map(d -> d.getLong("_id"));
  }

  private long lastHint() {
    Document c = counter.find(Filters.eq("_id", COLLECTION)).first();
    return c == null ? 0 : ((Number) c.get("value")).longValue();
  }
}
