package cn.worksafety.platform.outbox;

import cn.worksafety.platform.outbox.ConfirmedPublisher.Outcome;
import cn.worksafety.platform.outbox.ConfirmedPublisher.Outgoing;
import cn.worksafety.platform.outbox.EventLog.Logged;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bson.Document;

/**
 * Relays the outboxes of a batch of documents with a handful of store round trips and one confirm
 * wait per pass, whatever the batch size: one read per collection, then passes that each append to
 * the {@link EventLog} and publish the next entry of every document still going, then one pull per
 * collection.
 *
 * <p>Within a document, an entry goes out only after the one before it was confirmed, so a returned
 * (unroutable) entry holds back the rest of its own document and nothing else. An entry is pulled
 * only once confirmed. After a nack or a missing confirm no further pass is made: the broker is in
 * trouble, and the documents not finished wait for the next round.
 */
final class RelayBatch {
  private final MongoDatabase database;
  private final EventLog eventLog;
  private final CloudEventEnvelopes envelopes;
  private final ConfirmedPublisher publisher;
  private final String exchange;

  RelayBatch(MongoDatabase database, EventLog eventLog, CloudEventEnvelopes envelopes, ConfirmedPublisher publisher,
      String exchange) {
    this.database = database;
    this.eventLog = eventLog;
    this.envelopes = envelopes;
    this.publisher = publisher;
    this.exchange = exchange;
  }

  record PendingDocument(String collection, Object id) {}

  /**
   * @param done the documents whose outbox this batch emptied (or found empty)
   * @param held the documents held back by an entry no queue is bound for
   * @param brokerFailed whether an entry was nacked or not confirmed in time
   * @param published how many entries were confirmed and pulled
   */
  record Result(Set<PendingDocument> done, Set<PendingDocument> held, boolean brokerFailed, int published) {}

  private record Queued(PendingDocument document, OutboxEntry entry) {}

  Result relay(List<PendingDocument> documents) {
    Map<PendingDocument, List<OutboxEntry>> outboxes = read(documents);
    Map<PendingDocument, List<String>> confirmed = new LinkedHashMap<>();
    Set<PendingDocument> held = new HashSet<>();
    boolean brokerFailed = false;
    for (int pass = 0; !brokerFailed; pass++) {
      List<Queued> wave = new ArrayList<>();
      for (Map.Entry<PendingDocument, List<OutboxEntry>> outbox : outboxes.entrySet()) {
        if (pass < outbox.getValue().size() && !held.contains(outbox.getKey())) {
          wave.add(new Queued(outbox.getKey(), outbox.getValue().get(pass)));
        }
      }
      if (wave.isEmpty()) {
        break;
      }
      List<Outcome> outcomes = publish(wave);
      for (int i = 0; i < wave.size(); i++) {
        Queued queued = wave.get(i);
        switch (outcomes.get(i)) {
          case CONFIRMED -> confirmed.computeIfAbsent(queued.document(), d -> new ArrayList<>()).add(queued.entry().id());
          case UNROUTABLE -> held.add(queued.document());
          case FAILED -> brokerFailed = true;
        }
      }
    }
    pull(confirmed);
    Set<PendingDocument> done = new HashSet<>();
    for (PendingDocument document : documents) {
      int entries = outboxes.getOrDefault(document, List.of()).size();
      if (confirmed.getOrDefault(document, List.of()).size() == entries) {
        done.add(document);
      }
    }
    int published = confirmed.values().stream().mapToInt(List::size).sum();
    return new Result(done, held, brokerFailed, published);
  }

  /** Appends the wave to the event log, in order, and publishes it; the outcome of each entry. */
  private List<Outcome> publish(List<Queued> wave) {
    List<OutboxEntry> entries = wave.stream().map(Queued::entry).toList();
    List<Logged> logged = eventLog.appendAll(entries, envelopes::envelope);
    List<Outgoing> outgoing = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      OutboxEntry entry = entries.get(i);
      outgoing.add(new Outgoing(entry.id(), entry.type(), logged.get(i).envelope(), entry.requestId()));
    }
    return publisher.publishAll(exchange, outgoing);
  }

  /** The outbox of each document found, in the order of the documents given. */
  private Map<PendingDocument, List<OutboxEntry>> read(List<PendingDocument> documents) {
    Map<PendingDocument, List<OutboxEntry>> found = new HashMap<>();
    documents.stream().collect(Collectors.groupingBy(PendingDocument::collection, LinkedHashMap::new,
        Collectors.mapping(PendingDocument::id, Collectors.toList())))
        .forEach((collection, ids) -> database.getCollection(collection).find(Filters.in("_id", ids))
            .projection(Projections.include(OutboxEntry.FIELD))
            .forEach(d -> found.put(new PendingDocument(collection, d.get("_id")),
                d.getList(OutboxEntry.FIELD, Document.class, List.of()).stream()
                    .map(OutboxEntry::fromDocument).toList())));
    Map<PendingDocument, List<OutboxEntry>> inOrder = new LinkedHashMap<>();
    documents.stream().filter(found::containsKey).forEach(d -> inOrder.put(d, found.get(d)));
    return inOrder;
  }

  private void pull(Map<PendingDocument, List<String>> confirmed) {
    Map<String, List<WriteModel<Document>>> pulls = new LinkedHashMap<>();
    confirmed.forEach((document, ids) -> pulls.computeIfAbsent(document.collection(), c -> new ArrayList<>())
        .add(new UpdateOneModel<>(Filters.eq("_id", document.id()),
            Updates.pull(OutboxEntry.FIELD, Filters.in("id", ids)))));
    pulls.forEach((collection, updates) -> database.getCollection(collection).bulkWrite(updates));
  }
}
