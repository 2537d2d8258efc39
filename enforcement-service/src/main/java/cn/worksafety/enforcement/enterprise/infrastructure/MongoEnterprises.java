package cn.worksafety.enforcement.enterprise.infrastructure;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.EnterpriseRegistered;
import cn.worksafety.contracts.events.NamedPerson;
import cn.worksafety.enforcement.enterprise.application.EnterpriseFilter;
import cn.worksafety.enforcement.enterprise.application.Enterprises;
import cn.worksafety.enforcement.enterprise.model.Enterprise;
import cn.worksafety.enforcement.enterprise.model.EnterpriseEvent;
import cn.worksafety.enforcement.enterprise.model.Person;
import cn.worksafety.platform.audit.AuditEntry;
import cn.worksafety.platform.audit.AuditTrail;
import cn.worksafety.platform.mongo.VersionedDocuments;
import cn.worksafety.platform.outbox.Outbox;
import cn.worksafety.platform.outbox.OutboxEntry;
import cn.worksafety.platform.security.RegionScope;
import cn.worksafety.platform.web.PageView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Enterprises in the {@code enterprises} collection, keyed by USCC, with their outbox and audit
 * trail. The trail keeps the persons' ID numbers masked; events carry them masked too.
 */
@Repository
public class MongoEnterprises implements Enterprises {
  static final String COLLECTION = "enterprises";
  private static final Set<String> PERSONAL_IDS = Set.of("legalRepresentative.idNumber", "principal.idNumber");
  private final MongoCollection<Document> collection;
  private final Outbox outbox;
  private final VersionedDocuments writes;
  private final AuditTrail audit;

  public MongoEnterprises(MongoDatabase database, Outbox outbox, VersionedDocuments writes, AuditTrail audit) {
    this.collection = database.getCollection(COLLECTION);
    this.outbox = outbox;
    this.writes = writes;
    this.audit = audit;
  }

  @Override
  public boolean add(Enterprise enterprise, EnterpriseEvent event, String action) {
    Document registered = EnterpriseDocuments.toDocument(enterprise);
    return writes.insert(collection, registered, List.of(entry(event)),
        audit.entry(action, null, registered, PERSONAL_IDS));
  }

  @Override
  public boolean update(Enterprise before, Enterprise changed, EnterpriseEvent event) {
    Document after = EnterpriseDocuments.toDocument(changed);
    return writes.update(collection, after, before.version(), List.of(entry(event)),
        audit.entry("update", EnterpriseDocuments.toDocument(before), after, PERSONAL_IDS));
  }

  private OutboxEntry entry(EnterpriseEvent event) {
    Enterprise e = event.enterprise();
    EventType type = event.kind() == EnterpriseEvent.Kind.REGISTERED ? EventType.ENTERPRISE_REGISTERED
        : EventType.ENTERPRISE_UPDATED;
    return outbox.entry(type, e.uscc(), new EnterpriseRegistered(e.uscc(), e.name(), e.region(), e.industry().name(),
        e.standardizationGrade().name(), e.licence().status().name(), named(e.legalRepresentative()),
        named(e.principal())));
  }

  private static NamedPerson named(Person person) {
    return person == null ? null : new NamedPerson(person.name(), person.masked().idNumber());
  }

  @Override
  public Optional<Enterprise> find(String uscc) {
    return writes.find(collection, uscc).map(EnterpriseDocuments::fromDocument);
  }

  @Override
  public PageView<Enterprise> list(EnterpriseFilter filter, int offset, int limit) {
    List<Bson> conditions = new ArrayList<>();
    conditions.add(Filters.regex("region", "^" + Pattern.quote(RegionScope.prefix(filter.region()))));
    if (filter.industry() != null) {
      conditions.add(Filters.eq("industry", filter.industry().name()));
    }
    if (filter.namePrefix() != null) {
      conditions.add(Filters.regex("name", "^" + Pattern.quote(filter.namePrefix())));
    }
    if (filter.grade() != null) {
      conditions.add(Filters.eq("standardizationGrade", filter.grade().name()));
    }
    if (filter.licenceStatus() != null) {
      conditions.add(Filters.eq("licence.status", filter.licenceStatus().name()));
    }
    Bson query = Filters.and(conditions);
    List<Enterprise> items = new ArrayList<>();
    collection.find(query).projection(VersionedDocuments.STATE_ONLY).sort(new Document("_id", 1)).skip(offset)
        .limit(limit).forEach(d -> items.add(EnterpriseDocuments.fromDocument(d)));
    return new PageView<>(items, limit == 0 ? 0 : offset / limit, limit, collection.countDocuments(query));
  }

  @Override
  public List<AuditEntry> history(String uscc) {
    return writes.history(collection, uscc).orElse(List.of());
  }
}
