package cn.worksafety.enforcement.enterprise.infrastructure;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.enforcement.enterprise.application.Enterprises;
import cn.worksafety.enforcement.enterprise.model.Enterprise;
import cn.worksafety.enforcement.enterprise.model.EnterpriseRegisteredEvent;
import cn.worksafety.enforcement.enterprise.model.Industry;
import cn.worksafety.enforcement.enterprise.model.StandardizationGrade;
import cn.worksafety.platform.mongo.VersionedDocuments;
import cn.worksafety.platform.outbox.Outbox;
import cn.worksafety.platform.outbox.OutboxEntry;
import cn.worksafety.platform.security.RegionScope;
import cn.worksafety.platform.web.PageView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/** Enterprises in the {@code enterprises} collection, keyed by USCC, with their outbox. */
@Repository
public class MongoEnterprises implements Enterprises {
  static final String COLLECTION = "enterprises";
  private final MongoCollection<Document> collection;
  private final Outbox outbox;

  private final VersionedDocuments writes;

  public MongoEnterprises(MongoDatabase database, Outbox outbox, VersionedDocuments writes) {
    this.collection = database.getCollection(COLLECTION);
    this.outbox = outbox;
    this.writes = writes;
  }

  @Override
  public boolean add(Enterprise enterprise, EnterpriseRegisteredEvent event) {
    return writes.insert(collection, toDocument(enterprise), List.of(entry(event)));
  }

  private OutboxEntry entry(EnterpriseRegisteredEvent e) {
    return outbox.entry(EventType.ENTERPRISE_REGISTERED, e.uscc(), new EnterpriseRegistered(
        e.uscc(), e.name(), e.region(), e.industry().name(), e.standardizationGrade().name()));
  }

  @Override
  public Optional<Enterprise> find(String uscc) {
    return Optional.ofNullable(collection.find(Filters.eq("_id", uscc)).first()).map(MongoEnterprises::fromDocument);
  }

  @Override
  public PageView<Enterprise> list(String regionScope, int offset, int limit) {
    Bson filter = Filters.regex("region", "^" + Pattern.quote(RegionScope.prefix(regionScope)));
    List<Enterprise> items = new ArrayList<>();
    collection.find(filter).sort(new Document("_id", 1)).skip(offset).limit(limit)
        .forEach(d -> items.add(fromDocument(d)));
    return new PageView<>(items, limit == 0 ? 0 : offset / limit, limit, collection.countDocuments(filter));
  }

  private static Document toDocument(Enterprise e) {
    return new Document("_id", e.uscc()).append("name", e.name()).append("region", e.region())
        .append("industry", e.industry().name()).append("standardizationGrade", e.standardizationGrade().name())
        .append("registeredAt", Date.from(e.registeredAt())).append("version", e.version());
  }

  private static Enterprise fromDocument(Document d) {
    return new Enterprise(d.getString("_id"), d.getString("name"), d.getString("region"),
        Industry.valueOf(d.getString("industry")), StandardizationGrade.valueOf(d.getString("standardizationGrade")),
        d.getDate("registeredAt").toInstant(), ((Number) d.get("version")).longValue());
  }
}
