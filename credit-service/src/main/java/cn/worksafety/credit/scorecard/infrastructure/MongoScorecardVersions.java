package cn.worksafety.credit.scorecard.infrastructure;

import cn.worksafety.credit.scorecard.application.ScorecardVersions;
import cn.worksafety.credit.scorecard.model.ScorecardState;
import cn.worksafety.credit.scorecard.model.ScorecardVersion;
import cn.worksafety.platform.mongo.Inserts;
import cn.worksafety.platform.web.PageView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Scorecard versions in {@code scorecards}, keyed by version name, so a second draft of the same
 * name collides. A state change is conditional on the state it leaves.
 */
@Repository
public class MongoScorecardVersions implements ScorecardVersions {
  static final String COLLECTION = "scorecards";
  private final MongoCollection<Document> collection;

  public MongoScorecardVersions(MongoDatabase database) {
    this.collection = database.getCollection(COLLECTION);
  }

  @Override
  public boolean add(ScorecardVersion version) {
    return Inserts.ifAbsent(collection, ScorecardDocuments.toDocument(version));
  }

  @Override
  public Optional<ScorecardVersion> find(String version) {
    return Optional.ofNullable(collection.find(Filters.eq("_id", version)).first())
        .map(ScorecardDocuments::fromDocument);
  }

  @Override
  public PageView<ScorecardVersion> list(int offset, int limit) {
    List<ScorecardVersion> items = new ArrayList<>();
    collection.find().sort(Sorts.descending("draftedAt")).skip(offset).limit(limit)
        .forEach(d -> items.add(ScorecardDocuments.fromDocument(d)));
    return new PageView<>(items, offset / limit, limit, collection.countDocuments());
  }

  @Override
  public Optional<ScorecardVersion> active() {
    return Optional.ofNullable(collection.find(Filters.eq("state", ScorecardState.ACTIVE.name()))
        .sort(Sorts.descending("activatedAt")).first()).map(ScorecardDocuments::fromDocument);
  }

  @Override
  public boolean activate(String version, String by, String runId, Instant at) {
    return collection.findOneAndUpdate(
        Filters.and(Filters.eq("_id", version), Filters.eq("state", ScorecardState.DRAFT.name())),
        Updates.combine(Updates.set("state", ScorecardState.ACTIVE.name()), Updates.set("activatedBy", by),
            Updates.set("activatedAt", Date.from(at)), Updates.set("activationRun", runId))) != null;
  }

  @Override
  public void retireAllBut(String version, Instant at) {
    collection.updateMany(
        Filters.and(Filters.eq("state", ScorecardState.ACTIVE.name()), Filters.ne("_id", version)),
        Updates.combine(Updates.set("state", ScorecardState.RETIRED.name()), Updates.set("retiredAt", Date.from(at))));
  }
}
