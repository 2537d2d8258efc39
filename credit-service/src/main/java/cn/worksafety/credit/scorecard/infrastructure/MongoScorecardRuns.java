package cn.worksafety.credit.scorecard.infrastructure;

import static cn.worksafety.credit.scorecard.infrastructure.ScorecardDocuments.date;
import static cn.worksafety.credit.scorecard.infrastructure.ScorecardDocuments.instant;

import cn.worksafety.credit.creditfile.model.Grade;
import cn.worksafety.credit.scorecard.application.ScorecardRuns;
import cn.worksafety.credit.scorecard.model.GradeCounts;
import cn.worksafety.credit.scorecard.model.RunKind;
import cn.worksafety.credit.scorecard.model.RunProgress;
import cn.worksafety.credit.scorecard.model.RunState;
import cn.worksafety.credit.scorecard.model.ScorecardRun;
import cn.worksafety.credit.scorecard.model.SimulatedChange;
import cn.worksafety.platform.mongo.Inserts;
import cn.worksafety.platform.web.PageView;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Runs in {@code scorecard_runs}; the changes simulations find in {@code scorecard_run_changes}, one
 * document per change keyed by run and number, so a page is read by {@code _id} (which the embedded
 * store serves from its index) and never needs one document holding them all.
 *
 * <p>An unfinished activation carries {@code exclusive: "activation"} under a sparse unique index,
 * so a second one cannot be stored; finishing it removes the field in the same write.
 */
@Repository
public class MongoScorecardRuns implements ScorecardRuns {
  static final String RUNS = "scorecard_runs";
  static final String CHANGES = "scorecard_run_changes";
  private static final String COUNTER = "scorecard_run_counter";
  private static final String EXCLUSIVE = "exclusive";
  private static final List<String> UNFINISHED = List.of(RunState.QUEUED.name(), RunState.RUNNING.name());
  private final MongoCollection<Document> runs;
  private final MongoCollection<Document> changes;
  private final MongoCollection<Document> counter;

  public MongoScorecardRuns(MongoDatabase database) {
    this.runs = database.getCollection(RUNS);
    this.changes = database.getCollection(CHANGES);
    this.counter = database.getCollection(COUNTER);
    runs.createIndex(Indexes.ascending(EXCLUSIVE),
        new IndexOptions().unique(true).sparse(true).name("one_activation_at_a_time"));
  }

  @Override
  public boolean add(ScorecardRun run) {
    Document document = toDocument(run).append("sequence", nextSequence());
    if (run.kind() == RunKind.ACTIVATION) {
      document.append(EXCLUSIVE, RunKind.ACTIVATION.name());
    }
    return Inserts.ifAbsent(runs, document);
  }

  /** Orders runs by when they were stored, whichever replica's clock says what. */
  private long nextSequence() {
    Document next = counter.findOneAndUpdate(Filters.eq("_id", RUNS), Updates.inc("value", 1L),
        new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER));
    return ((Number) next.get("value")).longValue();
  }

  @Override
  public Optional<ScorecardRun> find(String id) {
    return Optional.ofNullable(runs.find(Filters.eq("_id", id)).first()).map(MongoScorecardRuns::fromDocument);
  }

  @Override
  public PageView<ScorecardRun> list(int offset, int limit) {
    List<ScorecardRun> items = new ArrayList<>();
    runs.find().sort(Sorts.descending("sequence")).skip(offset).limit(limit)
        .forEach(d -> items.add(fromDocument(d)));
    return new PageView<>(items, offset / limit, limit, runs.countDocuments());
  }

  @Override
  public Optional<ScorecardRun> unfinishedActivation() {
    return Optional.ofNullable(runs.find(Filters.and(Filters.eq("kind", RunKind.ACTIVATION.name()),
        Filters.in("state", UNFINISHED))).first()).map(MongoScorecardRuns::fromDocument);
  }

  @Override
  public List<ScorecardRun> unfinished() {
    List<ScorecardRun> unfinished = new ArrayList<>();
    runs.find(Filters.in("state", UNFINISHED)).sort(Sorts.ascending("sequence"))
        .forEach(d -> unfinished.add(fromDocument(d)));
    return unfinished;
  }

  @Override
  public Optional<ScorecardRun> claim(String id, String owner, Instant now, Instant leaseUntil) {
    Bson free = Filters.and(Filters.eq("_id", id), Filters.in("state", UNFINISHED),
        Filters.or(Filters.eq("leaseUntil", null), Filters.lte("leaseUntil", Date.from(now))));
    Document claimed = runs.findOneAndUpdate(free, Updates.combine(Updates.set("state", RunState.RUNNING.name()),
        Updates.set("owner", owner), Updates.set("leaseUntil", Date.from(leaseUntil))),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (claimed != null && claimed.get("startedAt") == null) {
      claimed = runs.findOneAndUpdate(held(id, owner), Updates.set("startedAt", Date.from(now)),
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    }
    return Optional.ofNullable(claimed).map(MongoScorecardRuns::fromDocument);
  }

  @Override
  public void rateWith(String id, String owner, String scorecardVersion) {
    runs.findOneAndUpdate(held(id, owner), Updates.set("scorecardVersion", scorecardVersion));
  }

  @Override
  public boolean checkpoint(String id, String owner, RunProgress progress, Instant leaseUntil) {
    List<Bson> updates = new ArrayList<>(progress(progress));
    updates.add(Updates.set("leaseUntil", Date.from(leaseUntil)));
    return runs.findOneAndUpdate(held(id, owner), Updates.combine(updates)) != null;
  }

  @Override
  public void finish(String id, String owner, RunState state, RunProgress progress, String failure, Instant at) {
    List<Bson> updates = new ArrayList<>(List.of(Updates.set("state", state.name()),
        Updates.set("finishedAt", Date.from(at)), Updates.set("failure", failure), Updates.unset("owner"),
        Updates.unset("leaseUntil"), Updates.unset(EXCLUSIVE)));
    if (progress != null) {
      updates.addAll(progress(progress));
    }
    runs.findOneAndUpdate(held(id, owner), Updates.combine(updates));
  }

  @Override
  public void release(String id, String owner, String error, Instant retryAt) {
    List<Bson> updates = new ArrayList<>(List.of(Updates.unset("owner"),
        Updates.set("leaseUntil", Date.from(retryAt))));
    if (error != null) {
      updates.add(Updates.inc("attempts", 1));
      updates.add(Updates.set("failure", error));
    }
    runs.findOneAndUpdate(held(id, owner), Updates.combine(updates));
  }

  @Override
  public void addChanges(String runId, long first, List<SimulatedChange> found) {
    List<ReplaceOneModel<Document>> writes = new ArrayList<>();
    for (int i = 0; i < found.size(); i++) {
      Document change = change(runId, first + i, found.get(i));
      writes.add(new ReplaceOneModel<>(Filters.eq("_id", change.get("_id")), change,
          new ReplaceOptions().upsert(true)));
    }
    changes.bulkWrite(writes, new BulkWriteOptions().ordered(false));
  }

  @Override
  public List<SimulatedChange> changes(String runId, long offset, int limit) {
    List<String> ids = LongStream.range(offset, offset + limit).mapToObj(n -> changeId(runId, n)).toList();
    List<SimulatedChange> page = new ArrayList<>();
    changes.find(Filters.in("_id", ids)).sort(Sorts.ascending("_id")).forEach(d -> page.add(new SimulatedChange(
        d.getString("uscc"), d.getString("name"), Grade.valueOf(d.getString("beforeGrade")),
        d.getInteger("beforeScore"), Grade.valueOf(d.getString("afterGrade")), d.getInteger("afterScore"))));
    return page;
  }

  private static Document change(String runId, long number, SimulatedChange c) {
    return new Document("_id", changeId(runId, number)).append("run", runId).append("number", number)
        .append("uscc", c.uscc()).append("name", c.name())
        .append("beforeGrade", c.beforeGrade().name()).append("beforeScore", c.beforeScore())
        .append("afterGrade", c.afterGrade().name()).append("afterScore", c.afterScore());
  }

  /** Zero-padded, so the ids of one run sort in the order the changes were found. */
  private static String changeId(String runId, long number) {
    return runId + "/" + String.format("%010d", number);
  }

  private static Bson held(String id, String owner) {
    return Filters.and(Filters.eq("_id", id), Filters.eq("owner", owner));
  }

  private static List<Bson> progress(RunProgress p) {
    return List.of(Updates.set("total", p.total()), Updates.set("processed", p.processed()),
        Updates.set("lastUscc", p.lastUscc()), Updates.set("changed", p.changed()),
        Updates.set("before", counts(p.before())), Updates.set("after", counts(p.after())));
  }

  private static Document toDocument(ScorecardRun r) {
    Document d = new Document("_id", r.id()).append("kind", r.kind().name())
        .append("scorecardVersion", r.scorecardVersion()).append("baselineVersion", r.baselineVersion())
        .append("state", r.state().name()).append("asOf", date(r.asOf())).append("requestedBy", r.requestedBy())
        .append("requestedAt", date(r.requestedAt())).append("startedAt", date(r.startedAt()))
        .append("finishedAt", date(r.finishedAt())).append("failure", r.failure()).append("attempts", r.attempts())
        .append("owner", r.owner()).append("leaseUntil", date(r.leaseUntil()));
    RunProgress p = r.progress();
    return d.append("total", p.total()).append("processed", p.processed()).append("lastUscc", p.lastUscc())
        .append("changed", p.changed()).append("before", counts(p.before())).append("after", counts(p.after()));
  }

  private static ScorecardRun fromDocument(Document d) {
    RunProgress progress = new RunProgress(number(d, "total"), number(d, "processed"), d.getString("lastUscc"),
        number(d, "changed"), counts(d.get("before", Document.class)), counts(d.get("after", Document.class)));
    return new ScorecardRun(d.getString("_id"), RunKind.valueOf(d.getString("kind")),
        d.getString("scorecardVersion"), d.getString("baselineVersion"), RunState.valueOf(d.getString("state")),
        instant(d, "asOf"), d.getString("requestedBy"), instant(d, "requestedAt"), instant(d, "startedAt"),
        instant(d, "finishedAt"), progress, d.getString("failure"), (int) number(d, "attempts"),
        d.getString("owner"), instant(d, "leaseUntil"));
  }

  private static Document counts(GradeCounts c) {
    Document d = new Document();
    for (Grade grade : Grade.values()) {
      d.append(grade.name(), c.of(grade));
    }
    return d;
  }

  private static GradeCounts counts(Document d) {
    if (d == null) {
      return GradeCounts.NONE;
    }
    return new GradeCounts(number(d, "A"), number(d, "B"), number(d, "C"), number(d, "D"));
  }

  private static long number(Document d, String field) {
    Object value = d.get(field);
    return value == null ? 0 : ((Number) value).longValue();
  }
}
