package cn.worksafety.credit.creditfile.infrastructure;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.RatingChanged;
import cn.worksafety.credit.creditfile.application.CreditFiles;
import cn.worksafety.credit.creditfile.model.CreditFile;
import cn.worksafety.credit.creditfile.model.Rating;
import cn.worksafety.credit.creditfile.model.RatingChangedEvent;
import cn.worksafety.platform.mongo.VersionedDocuments;
import cn.worksafety.platform.outbox.Outbox;
import cn.worksafety.platform.outbox.OutboxEntry;
import cn.worksafety.platform.security.RegionScope;
import cn.worksafety.platform.web.PageView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Credit files in {@code credit_files}, keyed by USCC. A change is one insert or one
 * {@code findOneAndUpdate} on {@code {_id, version}} that also appends the rating change to the
 * file's outbox.
 */
@Repository
public class MongoCreditFiles implements CreditFiles {
  static final String COLLECTION = "credit_files";
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
  public PageView<CreditFile> search(String text, int offset, int limit) {
    Bson filter = Filters.exists("name");
    if (text != null && !text.isBlank()) {
      String q = text.strip();
      filter = Filters.and(filter, Filters.or(
          Filters.regex("name", Pattern.compile(Pattern.quote(q), Pattern.CASE_INSENSITIVE)),
          Filters.regex("_id", "^" + Pattern.quote(q.toUpperCase(Locale.ROOT)))));
    }
    List<CreditFile> items = new ArrayList<>();
    collection.find(filter).sort(new Document("_id", 1)).skip(offset).limit(limit)
        .forEach(d -> items.add(CreditFileDocuments.fromDocument(d)));
    return new PageView<>(items, offset / limit, limit, collection.countDocuments(filter));
  }
}
