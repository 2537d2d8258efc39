package cn.worksafety.platform.outbox;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import cn.worksafety.platform.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Every event this service has published, by its gap-free sequence number ({@code _id}).
 *
 * <p>A number is taken by inserting the event under it, so a number exists only if its event does:
 * the counter document is just a hint of where to start and may lag after a crash, in which case
 * the next insert collides and moves on. An event already in the log keeps its number, so a
 * republished event carries the same {@code id} and the same {@code sequence}. Appends happen only
 * under the relay's lease.
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

  /** An event's place in the log and the envelope published under it. */
  public record Logged(long sequence, String envelope) {}

  /** Makes the envelope of an event once its number is known. */
  @FunctionalInterface
  public interface Envelopes {
    String envelope(OutboxEntry event, long sequence);
  }

  /**
   * The sequence number and envelope of each event, in the order given; events not yet in the log
   * are appended with the next numbers, in that order, by one insert for the lot.
   */
  public List<Logged> appendAll(List<OutboxEntry> events, Envelopes envelopes) {
    Map<String, Logged> logged = new HashMap<>();
    log.find(Filters.in("eventId", events.stream().map(OutboxEntry::id).toList()))
        .projection(Projections.include("eventId", "envelope"))
        .forEach(d -> logged.put(d.getString("eventId"), new Logged(d.getLong("_id"), d.getString("envelope"))));
    List<OutboxEntry> fresh = events.stream().filter(e -> !logged.containsKey(e.id())).toList();
    if (!fresh.isEmpty()) {
      appendFresh(fresh, envelopes, logged);
    }
    return events.stream().map(e -> logged.get(e.id())).toList();
  }

  private void appendFresh(List<OutboxEntry> fresh, Envelopes envelopes,
      Map<String, Logged> logged) {
    long next = lastHint() + 1;
    List<Document> rows = new ArrayList<>();
    for (OutboxEntry event : fresh) {
      Logged entry = new Logged(next, envelopes.envelope(event, next));
      next++;
      logged.put(event.id(), entry);
      rows.add(row(event, entry));
    }
    long last = next - 1;
    try {
      log.insertMany(rows);
    } catch (MongoBulkWriteException e) {
      // The hint lagged behind a number taken before a crash. The insert is ordered: the rows
      // before the collision keep their numbers, the rest are appended one by one past it.
      var error = e.getWriteErrors().get(0);
      if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      long from = logged.get(fresh.get(error.getIndex()).id()).sequence();
      for (OutboxEntry event : fresh.subList(error.getIndex(), fresh.size())) {
        Logged entry = appendOne(event, envelopes, from);
        logged.put(event.id(), entry);
        from = entry.sequence() + 1;
        last = Math.max(last, entry.sequence());
      }
    }
    counter.updateOne(Filters.eq("_id", COLLECTION), Updates.max("value", last), new UpdateOptions().upsert(true));
  }

  private Logged appendOne(OutboxEntry event, Envelopes envelopes, long from) {
    long next = from;
    while (true) {
      Optional<Logged> existing = find(event.id());
      if (existing.isPresent()) {
        return existing.get();
      }
      Logged entry = new Logged(next, envelopes.envelope(event, next));
      if (Inserts.ifAbsent(log, row(event, entry))) {
        return entry;
      }
      next++;
    }
  }

  private static Document row(OutboxEntry event, Logged entry) {
    return new Document("_id", entry.sequence()).append("eventId", event.id()).append("type", event.type())
        .append("subject", event.subject()).append("envelope", entry.envelope());
  }

  /**
   * The events numbered {@code after + 1} to {@code after + limit}, in order, stopping at the end of
   * the log. The numbers have no gaps, so the page is a lookup of known keys ({@code _id $in}),
   * which even the embedded store answers from its index rather than by reading the whole log.
   */
  public List<Logged> after(long after, int limit) {
    List<Long> numbers = LongStream.rangeClosed(after + 1, after + limit).boxed().toList();
    Map<Long, String> found = new HashMap<>();
    log.find(Filters.in("_id", numbers)).projection(Projections.include("envelope"))
        .forEach(d -> found.put(((Number) d.get("_id")).longValue(), d.getString("envelope")));
    List<Logged> page = new ArrayList<>();
    for (long n : numbers) {
      String envelope = found.get(n);
      if (envelope == null) {
        break;
      }
      page.add(new Logged(n, envelope));
    }
    return page;
  }

  private Optional<Logged> find(String eventId) {
    return Optional.ofNullable(log.find(Filters.eq("eventId", eventId)).first())
        .map(d -> new Logged(d.getLong("_id"), d.getString("envelope")));
  }

  private long lastHint() {
    Document c = counter.find(Filters.eq("_id", COLLECTION)).first();
    return c == null ? 0 : ((Number) c.get("value")).longValue();
  }
}
