package cn.worksafety.platform.outbox;

import cn.worksafety.contracts.EventType;
import cn.worksafety.platform.requestid.RequestIds;
import cn.worksafety.platform.tracing.TraceContexts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The writing side of the outbox: makes entries for events. {@link
 * cn.worksafety.platform.mongo.VersionedDocuments} stores them in the same single-document write as
 * the state change, so the change and its events are stored together or not at all, and then calls
 * {@link #written} so the relay publishes without waiting for its next sweep.
 */
@Component
public class Outbox {
  private final JsonMapper json;
  private final Clock clock;
  private final OutboxRelay relay;
  private final TraceContexts traces;

  public Outbox(JsonMapper json, Clock clock, OutboxRelay relay, TraceContexts traces) {
    this.json = json;
    this.clock = clock;
    this.relay = relay;
    this.traces = traces;
  }

  public OutboxEntry entry(EventType type, String subject, Object payload) {
    if (!type.payload().isInstance(payload)) {
      throw new IllegalArgumentException(type.type() + " carries " + type.payload().getSimpleName());
    }
    return new OutboxEntry(UUID.randomUUID().toString(), type.type(), subject, clock.instant(),
        json.writeValueAsString(payload), RequestIds.current().orElse(null), traces.current().orElse(null));
  }

  /** The update fragment that appends these entries to the document's outbox. */
  public static Bson push(List<OutboxEntry> entries) {
    return Updates.pushEach(OutboxEntry.FIELD, entries.stream().map(OutboxEntry::toDocument).toList());
  }

  /** One entry as stored, for a document that is inserted whole with its first events. */
  public static org.bson.Document asDocument(OutboxEntry entry) {
    return entry.toDocument();
  }

  public void written(String collection, Object documentId) {
    relay.wake(collection, documentId);
  }
}
