package cn.worksafety.enforcement.penaltycase.infrastructure;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.enforcement.penaltycase.application.Cases;
import cn.worksafety.contracts.events.CaseClosed;
import cn.worksafety.contracts.events.CaseRevoked;
import cn.worksafety.enforcement.penaltycase.model.CaseClosedEvent;
import cn.worksafety.enforcement.penaltycase.model.CaseDecidedEvent;
import cn.worksafety.enforcement.penaltycase.model.CaseEvent;
import cn.worksafety.enforcement.penaltycase.model.CaseRevokedEvent;
import cn.worksafety.enforcement.penaltycase.model.CaseState;
import cn.worksafety.enforcement.penaltycase.model.PenaltyCase;
import cn.worksafety.platform.audit.AuditEntry;
import cn.worksafety.platform.audit.AuditTrail;
import cn.worksafety.platform.mongo.VersionedDocuments;
import cn.worksafety.platform.outbox.Outbox;
import cn.worksafety.platform.outbox.OutboxEntry;
import cn.worksafety.platform.security.RegionScope;
import cn.worksafety.platform.web.DayRange;
import cn.worksafety.platform.web.PageView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Cases in the {@code cases} collection. An update is one {@code findOneAndUpdate} on
 * {@code {_id, version}} that sets the new state and appends the case's events to its outbox, so a
 * decision and its {@code enforcement.case.decided} are stored together or not at all.
 */
@Repository
public class MongoCases implements Cases {
  static final String COLLECTION = "cases";
  private final MongoCollection<Document> collection;
  private final Outbox outbox;
  private final VersionedDocuments writes;
  private final AuditTrail audit;
  private final Clock clock;

  public MongoCases(MongoDatabase database, Outbox outbox, VersionedDocuments writes, AuditTrail audit, Clock clock) {
    this.collection = database.getCollection(COLLECTION);
    this.outbox = outbox;
    this.writes = writes;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void add(PenaltyCase penaltyCase) {
    Document filed = CaseDocuments.toDocument(penaltyCase);
    if (!writes.insert(collection, filed, List.of(), audit.entry("filing", null, audited(filed), Set.of()))) {
      throw new IllegalStateException("case id " + penaltyCase.id() + " is taken");
    }
  }

  @Override
  public Optional<PenaltyCase> find(String id) {
    return writes.find(collection, id).map(CaseDocuments::fromDocument);
  }

  @Override
  public List<AuditEntry> history(String id) {
    return writes.history(collection, id).orElse(List.of());
  }

  @Override
  public boolean update(PenaltyCase before, PenaltyCase changed, List<CaseEvent> events) {
    Document after = CaseDocuments.toDocument(changed);
    String step = changed.history().get(changed.history().size() - 1).step();
    return writes.update(collection, after, before.version(), events.stream().map(this::entry).toList(),
        audit.entry(step, audited(CaseDocuments.toDocument(before)), audited(after), Set.of()));
  }

  /** The case as the audit trail compares it: without its step list, which the trail itself records. */
  private static Document audited(Document stored) {
    Document copy = new Document(stored);
    copy.remove("history");
    return copy;
  }

  private OutboxEntry entry(CaseEvent event) {
    if (event instanceof CaseDecidedEvent e) {
      return outbox.entry(EventType.CASE_DECIDED, e.uscc(), new CaseDecided(e.caseId(), e.uscc(), e.region(),
          e.violationCodes(), e.penalties().stream().map(CaseDocuments::toContract).toList(), zoned(e.decidedAt()),
          e.legalBasis()));
    }
    if (event instanceof CaseClosedEvent e) {
      return outbox.entry(EventType.CASE_CLOSED, e.uscc(),
          new CaseClosed(e.caseId(), e.uscc(), zoned(e.closedAt()), e.reason()));
    }
    CaseRevokedEvent e = (CaseRevokedEvent) event;
    return outbox.entry(EventType.CASE_REVOKED, e.uscc(),
        new CaseRevoked(e.caseId(), e.uscc(), zoned(e.revokedAt()), e.reason()));
  }

  private java.time.OffsetDateTime zoned(java.time.Instant instant) {
    return instant.atZone(clock.getZone()).toOffsetDateTime();
  }

  @Override
  public PageView<PenaltyCase> list(String regionScope, CaseState state, java.time.LocalDate overdueOn,
      DayRange filed, int offset, int limit) {
    Bson filter = Filters.regex("region", "^" + Pattern.quote(RegionScope.prefix(regionScope)));
    if (state != null) {
      filter = Filters.and(filter, Filters.eq("state", state.name()));
    }
    if (overdueOn != null) {
      // decisionDue is stored as an ISO date, so string order is date order
      filter = Filters.and(filter, Filters.in("state", PenaltyCase.AWAITING_DECISION.stream().map(Enum::name).toList()),
          Filters.lt("decisionDue", overdueOn.toString()));
    }
    for (Bson day : filed.on("filedAt", clock.getZone())) {
      filter = Filters.and(filter, day);
    }
    List<PenaltyCase> items = new ArrayList<>();
    collection.find(filter).projection(VersionedDocuments.STATE_ONLY).sort(new Document("filedAt", -1).append("_id", 1)).skip(offset).limit(limit)
        .forEach(d -> items.add(CaseDocuments.fromDocument(d)));
    return new PageView<>(items, offset / limit, limit, collection.countDocuments(filter));
  }
}
