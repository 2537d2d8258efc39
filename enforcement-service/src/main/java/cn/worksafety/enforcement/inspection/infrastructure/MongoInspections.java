package cn.worksafety.enforcement.inspection.infrastructure;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.HazardOverdue;
import cn.worksafety.enforcement.inspection.application.InspectionQuery;
import cn.worksafety.enforcement.inspection.application.Inspections;
import cn.worksafety.enforcement.inspection.model.Hazard;
import cn.worksafety.enforcement.inspection.model.HazardOverdueEvent;
import cn.worksafety.enforcement.inspection.model.Inspection;
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
import com.mongodb.client.model.Projections;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Inspections in the {@code inspections} collection, one document each with its hazards; each write
 * is a versioned single-document write carrying its events and its audit entry.
 */
@Repository
public class MongoInspections implements Inspections {
  static final String COLLECTION = "inspections";
  private final MongoCollection<Document> collection;
  private final Outbox outbox;
  private final VersionedDocuments writes;
  private final AuditTrail audit;

  public MongoInspections(MongoDatabase database, Outbox outbox, VersionedDocuments writes, AuditTrail audit) {
    this.collection = database.getCollection(COLLECTION);
    this.outbox = outbox;
    this.writes = writes;
    this.audit = audit;
  }

  @Override
  public void add(Inspection inspection) {
    Document recorded = InspectionDocuments.toDocument(inspection);
    if (!writes.insert(collection, recorded, List.of(), audit.entry("inspection", null, recorded, Set.of()))) {
      throw new IllegalStateException("inspection id " + inspection.id() + " is taken");
    }
  }

  @Override
  public Optional<Inspection> find(String id) {
    return writes.find(collection, id).map(InspectionDocuments::fromDocument);
  }

  @Override
  public boolean update(Inspection before, Inspection changed, String action, List<HazardOverdueEvent> events) {
    Document after = InspectionDocuments.toDocument(changed);
    return writes.update(collection, after, before.version(), events.stream().map(this::entry).toList(),
        audit.entry(action, InspectionDocuments.toDocument(before), after, Set.of()));
  }

  @Override
  public List<AuditEntry> history(String id) {
    return writes.history(collection, id).orElse(List.of());
  }

  @Override
  public PageView<Inspection> list(String regionScope, InspectionQuery query, int offset, int limit) {
    List<Bson> filters = new ArrayList<>();
    filters.add(Filters.regex("region", "^" + Pattern.quote(RegionScope.prefix(regionScope))));
    if (query.uscc() != null) {
      filters.add(Filters.eq("uscc", query.uscc()));
    }
    if (query.inspectedFrom() != null) {
      filters.add(Filters.gte("inspectedAt", Date.from(query.inspectedFrom())));
    }
    if (query.inspectedBefore() != null) {
      filters.add(Filters.lt("inspectedAt", Date.from(query.inspectedBefore())));
    }
    if (query.hazardStatus() != null) {
      String today = query.today().toString();
      filters.add(Filters.elemMatch("hazards", switch (query.hazardStatus()) {
        case OPEN -> Filters.and(Filters.eq("rectifiedAt", null), Filters.gte("deadline", today));
        case OVERDUE -> Filters.and(Filters.eq("rectifiedAt", null), Filters.lt("deadline", today));
        case RECTIFIED -> Filters.ne("rectifiedAt", null);
      }));
    }
    Bson filter = Filters.and(filters);
    List<Inspection> items = new ArrayList<>();
    collection.find(filter).projection(VersionedDocuments.STATE_ONLY)
        .sort(new Document("inspectedAt", -1).append("_id", 1)).skip(offset).limit(limit)
        .forEach(d -> items.add(InspectionDocuments.fromDocument(d)));
    return new PageView<>(items, offset / limit, limit, collection.countDocuments(filter));
  }

  @Override
  public List<String> withUnannouncedOverdueHazards(LocalDate today, int limit) {
    Bson due = Filters.elemMatch("hazards", Filters.and(Filters.eq("rectifiedAt", null),
        Filters.eq("overdueAnnouncedAt", null), Filters.lt("deadline", today.toString())));
    List<String> ids = new ArrayList<>();
    collection.find(due).projection(Projections.include("_id")).limit(limit)
        .forEach(d -> ids.add(d.getString("_id")));
    return ids;
  }

  private OutboxEntry entry(HazardOverdueEvent event) {
    Inspection i = event.inspection();
    Hazard h = event.hazard();
    return outbox.entry(EventType.HAZARD_OVERDUE, i.uscc(), new HazardOverdue(i.id(), h.id(), i.uscc(), i.region(),
        h.major(), h.level().name(), h.deadline(), h.description()));
  }
}
