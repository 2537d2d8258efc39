package cn.worksafety.enforcement.accident.infrastructure;

import cn.worksafety.contracts.EventType;
import cn.worksafety.contracts.events.AccidentConcluded;
import cn.worksafety.contracts.events.AccidentReported;
import cn.worksafety.enforcement.accident.application.Accidents;
import cn.worksafety.enforcement.accident.model.Accident;
import cn.worksafety.enforcement.accident.model.AccidentEvent;
import cn.worksafety.enforcement.accident.model.AccidentGrade;
import cn.worksafety.enforcement.accident.model.AccidentState;
import cn.worksafety.enforcement.accident.model.Figures;
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
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
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
 * Accidents in the {@code accidents} collection, each write carrying its events. The derived grade is
 * stored alongside the figures only so lists can be filtered by it.
 */
@Repository
public class MongoAccidents implements Accidents {
  static final String COLLECTION = "accidents";
  private final MongoCollection<Document> collection;
  private final Outbox outbox;
  private final VersionedDocuments writes;
  private final AuditTrail audit;
  private final Clock clock;

  public MongoAccidents(MongoDatabase database, Outbox outbox, VersionedDocuments writes, AuditTrail audit,
      Clock clock) {
    this.collection = database.getCollection(COLLECTION);
    this.outbox = outbox;
    this.writes = writes;
    this.audit = audit;
    this.clock = clock;
  }

  @Override
  public void add(Accident accident, List<AccidentEvent> events) {
    Document reported = toDocument(accident);
    if (!writes.insert(collection, reported, entries(events), audit.entry("report", null, reported, Set.of()))) {
      throw new IllegalStateException("accident id " + accident.id() + " is taken");
    }
  }

  @Override
  public Optional<Accident> find(String id) {
    return writes.find(collection, id).map(MongoAccidents::fromDocument);
  }

  @Override
  public boolean update(Accident before, Accident changed, String action, List<AccidentEvent> events) {
    Document after = toDocument(changed);
    return writes.update(collection, after, before.version(), entries(events),
        audit.entry(action, toDocument(before), after, Set.of()));
  }

  @Override
  public List<AuditEntry> history(String id) {
    return writes.history(collection, id).orElse(List.of());
  }

  @Override
  public PageView<Accident> list(String regionScope, AccidentGrade grade, DayRange occurred, int offset, int limit) {
    Bson filter = Filters.regex("region", "^" + Pattern.quote(RegionScope.prefix(regionScope)));
    if (grade != null) {
      filter = Filters.and(filter, Filters.eq("grade", grade.name()));
    }
    for (Bson day : occurred.on("occurredAt", clock.getZone())) {
      filter = Filters.and(filter, day);
    }
    List<Accident> items = new ArrayList<>();
    collection.find(filter).projection(VersionedDocuments.STATE_ONLY).sort(new Document("occurredAt", -1).append("_id", 1)).skip(offset).limit(limit)
        .forEach(d -> items.add(fromDocument(d)));
    return new PageView<>(items, offset / limit, limit, collection.countDocuments(filter));
  }

  private List<OutboxEntry> entries(List<AccidentEvent> events) {
    return events.stream().map(this::entry).toList();
  }

  private OutboxEntry entry(AccidentEvent event) {
    Accident a = event.accident();
    Figures f = a.figures();
    return switch (event.kind()) {
      case REPORTED -> outbox.entry(EventType.ACCIDENT_REPORTED, a.uscc(), new AccidentReported(a.id(), a.uscc(),
          a.grade().name(), zoned(a.occurredAt()), f.deaths(), f.seriousInjuries(), f.directLoss(), a.concealed()));
      case CONCLUDED -> outbox.entry(EventType.ACCIDENT_CONCLUDED, a.uscc(), new AccidentConcluded(a.id(), a.uscc(),
          a.grade().name(), zoned(a.occurredAt()), f.deaths(), f.seriousInjuries(), f.directLoss(), a.concealed(),
          zoned(a.concludedAt())));
    };
  }

  private OffsetDateTime zoned(Instant instant) {
    return instant.atZone(clock.getZone()).toOffsetDateTime();
  }

  private static Document toDocument(Accident a) {
    return new Document("_id", a.id()).append("uscc", a.uscc()).append("region", a.region())
        .append("occurredAt", Date.from(a.occurredAt())).append("description", a.description())
        .append("reported", figures(a.reported()))
        .append("established", a.established() == null ? null : figures(a.established()))
        .append("grade", a.grade().name())
        .append("concealed", a.concealed()).append("concealmentNote", a.concealmentNote())
        .append("state", a.state().name()).append("reportedAt", Date.from(a.reportedAt()))
        .append("concludedAt", a.concludedAt() == null ? null : Date.from(a.concludedAt()))
        .append("version", a.version());
  }

  private static Accident fromDocument(Document d) {
    Document established = d.get("established", Document.class);
    Date concludedAt = d.getDate("concludedAt");
    return new Accident(d.getString("_id"), d.getString("uscc"), d.getString("region"),
        d.getDate("occurredAt").toInstant(), d.getString("description"), figures(d.get("reported", Document.class)),
        established == null ? null : figures(established), d.getBoolean("concealed"), d.getString("concealmentNote"),
        AccidentState.valueOf(d.getString("state")), d.getDate("reportedAt").toInstant(),
        concludedAt == null ? null : concludedAt.toInstant(), ((Number) d.get("version")).longValue());
  }

  private static Document figures(Figures f) {
    return new Document("deaths", f.deaths()).append("seriousInjuries", f.seriousInjuries())
        .append("directLoss", f.directLoss().toPlainString());
  }

  private static Figures figures(Document d) {
    return new Figures(d.getInteger("deaths"), d.getInteger("seriousInjuries"), new BigDecimal(d.getString("directLoss")));
  }
}
