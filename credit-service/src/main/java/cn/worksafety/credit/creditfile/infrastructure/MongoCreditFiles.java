package cn.worksafety.credit.creditfile.infrastructure;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.RatingChanged;
import cn.worksafety.credit.creditfile.application.CreditFiles;
import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.Rating;
import cn.worksafety.credit.creditfile.model.RatingChangedEvent;
import cn.worksafety.credit.creditfile.model.RegisteredName;
import cn.worksafety.platform.mongo.VersionedDocuments;
import cn.worksafety.platform.outbox.Outbox;
import cn.worksafety.platform.outbox.OutboxEntry;
import cn.worksafety.platform.security.RegionScope;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Credit files in {@code credit_files}, keyed by USCC. A change is one insert or one
 * {@code findOneAndUpdate} on {@code {_id, version}} that also appends the rating change to the
 * file's outbox.
 */
@Repository
public class MongoCreditFiles implements CreditFiles {
  static final String COLLECTION = "credit_files";
  private static final int NAMES_PER_QUERY = 100;
  private final MongoCollection<Document> collection;
  private final Outbox outbox;
  private final VersionedDocuments writes;
  private final Clock clock;

  public MongoCreditFiles(MongoDatabase database, Outbox outbox, VersionedDocuments writes, Clock clock) {
    this.collection = database.getCollection(COLLECTION);
    this.outbox = outbox;
    this.writes = writes;
    this.clock = clock;
  }

  @Override
  public Optional<CreditFile> find(String uscc) {
    return Optional.ofNullable(collection.find(Filters.eq("_id", uscc)).first())
        .map(CreditFileDocuments::fromDocument);
  }

  @Override
  public boolean save(CreditFile changed, Optional<RatingChangedEvent> ratingChanged) {
    Document document = CreditFileDocuments.toDocument(changed);
    List<OutboxEntry> events = ratingChanged.map(e -> List.of(entry(e))).orElse(List.of());
    return changed.version() == 1
        ? writes.insert(collection, document, events)
        : writes.update(collection, document, changed.version() - 1, events);
  }

  private OutboxEntry entry(RatingChangedEvent e) {
    Rating before = e.before();
    Rating after = e.after();
    return outbox.entry(EventType.RATING_CHANGED, e.uscc(), new RatingChanged(e.uscc(),
        before == null ? null : before.grade().name(), before == null ? null : before.score(),
        after.grade().name(), after.score(), after.scorecardVersion(),
        after.effectiveAt().atZone(clock.getZone()).toOffsetDateTime()));
  }

  @Override
  public void forEachIn(String region, java.util.function.Consumer<CreditFile> action) {
    // A prefix of digits only (RegionScope), so the pattern needs no quoting.
    collection.find(Filters.regex("region", "^" + RegionScope.prefix(region)))
        .forEach(d -> action.accept(CreditFileDocuments.fromDocument(d)));
  }

  @Override
  public Stream<CreditFile> inUsccOrderAfter(String afterUscc, int batchSize) {
    return UsccOrderWalk.after(collection, afterUscc, batchSize).map(CreditFileDocuments::fromDocument);
  }

  @Override
  public long count() {
    return collection.estimatedDocumentCount();
  }

  @Override
  public Map<String, CreditFile> findAll(Collection<String> usccs) {
    Map<String, CreditFile> found = new HashMap<>(usccs.size() * 2);
    if (!usccs.isEmpty()) {
      collection.find(Filters.in("_id", usccs)).batchSize(usccs.size())
          .forEach(d -> found.put(d.getString("_id"), CreditFileDocuments.fromDocument(d)));
    }
    return found;
  }

  @Override
  public Stream<RegisteredName> registeredNames() {
    return UsccOrderWalk.after(collection, null, NAMES_PER_QUERY, CreditFileDocuments.REGISTERED_NAME)
        .map(CreditFileDocuments::registeredName).flatMap(Optional::stream);
  }
}
