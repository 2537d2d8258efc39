package cn.worksafety.credit.blacklist.infrastructure;

import cn.worksafety.credit.blacklist.application.Listings;
import cn.worksafety.credit.blacklist.model.Listing;
import cn.worksafety.credit.blacklist.model.ListingEvent;
import cn.worksafety.platform.mongo.JsonDocuments;
import cn.worksafety.platform.mongo.VersionedDocuments;
import cn.worksafety.platform.outbox.OutboxEntry;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Listings in {@code blacklist}, keyed by listing id, stored as their JSON form. A change is one
 * {@code findOneAndUpdate} on {@code {_id, version}} that also puts its event in the listing's outbox.
 */
@Repository
public class MongoListings implements Listings {
  static final String COLLECTION = "blacklist";
  private final MongoCollection<Document> collection;
  private final VersionedDocuments writes;
  private final JsonMapper json;
  private final ListingAnnouncements announcements;

  public MongoListings(MongoDatabase database, VersionedDocuments writes, JsonMapper json,
      ListingAnnouncements announcements) {
    this.collection = database.getCollection(COLLECTION);
    this.writes = writes;
    this.json = json;
    this.announcements = announcements;
  }

  @Override
  public boolean add(Listing proposed) {
    return writes.insert(collection, toDocument(proposed), List.of());
  }

  @Override
  public boolean save(Listing changed, Optional<ListingEvent> event) {
    List<OutboxEntry> events = event.map(e -> List.of(announcements.entry(changed, e))).orElse(List.of());
    return writes.update(collection, toDocument(changed), changed.version() - 1, events);
  }

  @Override
  public Optional<Listing> find(String id) {
    return writes.find(collection, id).map(this::fromDocument);
  }

  @Override
  public List<Listing> ofCase(String caseId) {
    return all(Filters.eq("proposal.caseId", caseId));
  }

  @Override
  public List<Listing> ofEnterprise(String uscc) {
    return all(Filters.eq("uscc", uscc));
  }

  @Override
  public void forEach(Consumer<Listing> action) {
    collection.find().projection(VersionedDocuments.STATE_ONLY).forEach(d -> action.accept(fromDocument(d)));
  }

  private List<Listing> all(Bson filter) {
    List<Listing> found = new ArrayList<>();
    collection.find(filter).projection(VersionedDocuments.STATE_ONLY).sort(Sorts.ascending("_id"))
        .forEach(d -> found.add(fromDocument(d)));
    return found;
  }

  private Document toDocument(Listing listing) {
    return JsonDocuments.toDocument(json, listing, listing.id());
  }

  private Listing fromDocument(Document document) {
    return JsonDocuments.fromDocument(json, document, Listing.class);
  }
}
