package cn.worksafety.credit.partner.infrastructure;

import cn.worksafety.credit.partner.application.Partners;
import cn.worksafety.credit.partner.model.Partner;
import cn.worksafety.credit.partner.model.Webhook;
import java.net.URI;
import cn.worksafety.platform.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import cn.worksafety.platform.mongo.RecentRead;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

@Repository
public class MongoPartners implements Partners {
  /** Every listing event reads the registry; a registration on another instance shows within this. */
  private static final Duration FRESH_FOR = Duration.ofSeconds(5);
  private final MongoCollection<Document> collection;
  private final RecentRead<List<Partner>> all;

  public MongoPartners(MongoDatabase database, Clock clock) {
    this.collection = database.getCollection("partners");
    this.all = new RecentRead<>(this::readAll, FRESH_FOR, clock);
  }

  @Override
  public boolean add(Partner p) {
    boolean added = Inserts.ifAbsent(collection, new Document("_id", p.code()).append("name", p.name())
        .append("measures", p.measures()).append("eventTypes", p.eventTypes()).append("webhook", webhook(p.webhook()))
        .append("registeredAt", Date.from(p.registeredAt())));
    all.forget(); // after the write: a read between forgetting and writing would keep the old list
    return added;
  }

  @Override
  public Optional<Partner> find(String code) {
    return Optional.ofNullable(collection.find(Filters.eq("_id", code)).first()).map(MongoPartners::partner);
  }

  @Override
  public List<Partner> all() {
    return all.get();
  }

  private List<Partner> readAll() {
    List<Partner> read = new ArrayList<>();
    collection.find().sort(new Document("_id", 1)).forEach(d -> read.add(partner(d)));
    return List.copyOf(read);
  }

  @Override
  public void update(Partner changed) {
    collection.updateOne(Filters.eq("_id", changed.code()), Updates.combine(Updates.set("name", changed.name()),
        Updates.set("measures", changed.measures()), Updates.set("eventTypes", changed.eventTypes())));
    all.forget();
  }

  @Override
  public void replaceWebhook(String code, Webhook webhook) {
    collection.updateOne(Filters.eq("_id", code), Updates.set("webhook", webhook(webhook)));
    all.forget();
  }

  @Override
  public boolean remove(String code) {
    boolean removed = collection.deleteOne(Filters.eq("_id", code)).getDeletedCount() == 1;
    all.forget();
    return removed;
  }

  private static Partner partner(Document d) {
    return new Partner(d.getString("_id"), d.getString("name"), d.getList("measures", String.class),
        d.getList("eventTypes", String.class, List.of()), webhook(d.get("webhook", Document.class)),
        d.getDate("registeredAt").toInstant());
  }

  private static Document webhook(Webhook webhook) {
    return webhook == null ? null : new Document("url", webhook.url().toString()).append("secret", webhook.secret());
  }

  private static Webhook webhook(Document d) {
    return d == null ? null : new Webhook(URI.create(d.getString("url")), d.getString("secret"));
  }
}
