package cn.worksafety.platform.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The relaying instances of one service, each with the last time it said it was alive, in {@code
 * outbox_relays}. An instance's own writes are published by its own relay; only an instance that
 * fell silent (it crashed) or left with events unpublished leaves work for the others, and that is
 * when they need to scan every outbox, not on a timer.
 */
final class RelayPeers {
  static final String COLLECTION = "outbox_relays";
  private static final String SEEN_AT = "seenAt";
  private final MongoCollection<Document> relays;
  private final String self = UUID.randomUUID().toString();

  RelayPeers(MongoDatabase database) {
    this.relays = database.getCollection(COLLECTION);
  }

  /** One instance as last seen. */
  record Peer(String id, Instant seenAt) {}

  void beat(Instant now) {
    beat(relays, now);
  }

  private void beat(MongoCollection<Document> relays, Instant now) {
    relays.replaceOne(Filters.eq("_id", self), new Document("_id", self).append(SEEN_AT, Date.from(now)),
        new ReplaceOptions().upsert(true));
  }

  /** The other instances not seen since {@code since}; a small collection, so a scan is cheap. */
  List<Peer> silentSince(Instant since) {
    List<Peer> silent = new ArrayList<>();
    for (Document d : relays.find()) {
      Instant seenAt = d.getDate(SEEN_AT).toInstant();
      if (!self.equals(d.getString("_id")) && seenAt.isBefore(since)) {
        silent.add(new Peer(d.getString("_id"), seenAt));
      }
    }
    return silent;
  }

  /** Forgets instances whose work was swept up, unless one spoke up again meanwhile. */
  void forget(List<Peer> swept) {
    for (Peer p : swept) {
      relays.deleteOne(Filters.and(Filters.eq("_id", p.id()), Filters.eq(SEEN_AT, Date.from(p.seenAt()))));
    }
  }

  /**
   * This instance stops: it is forgotten at once when it published everything it wrote; otherwise it
   * counts as silent from the start of time, so the next instance to look sweeps up what it left.
   * Gives up after {@code within}, server selection included (with the store gone the driver would
   * otherwise wait out its 30 s server selection).
   */
  void leave(boolean leftWork, Duration within) {
    MongoCollection<Document> bounded = relays.withTimeout(within.toMillis(), TimeUnit.MILLISECONDS);
    if (leftWork) {
      beat(bounded, Instant.EPOCH);
    } else {
      bounded.deleteOne(Filters.eq("_id", self));
    }
  }
}
