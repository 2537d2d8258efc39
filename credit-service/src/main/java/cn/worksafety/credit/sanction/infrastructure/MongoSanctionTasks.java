package cn.worksafety.credit.sanction.infrastructure;

import cn.worksafety.credit.sanction.application.SanctionTasks;
import cn.worksafety.credit.sanction.model.SanctionTask;
import cn.worksafety.platform.mongo.Inserts;
import cn.worksafety.platform.mongo.JsonDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tasks in {@code sanction_tasks} as their JSON form, keyed {@code entryId:department}. A change is a
 * {@code findOneAndReplace} on {@code {_id, version}}. The {@code entryId} index serves MongoDB; the
 * embedded store scans, which the few tasks per listing allow.
 */
@Repository
public class MongoSanctionTasks implements SanctionTasks {
  private final MongoCollection<Document> collection;
  private final JsonMapper json;

  public MongoSanctionTasks(MongoDatabase database, JsonMapper json) {
    this.collection = database.getCollection("sanction_tasks");
    this.json = json;
    collection.createIndex(Indexes.ascending("entryId"));
  }

  @Override
  public boolean addIfAbsent(SanctionTask task) {
    return Inserts.ifAbsent(collection, toDocument(task));
  }

  @Override
  public boolean save(SanctionTask changed) {
    return collection.findOneAndReplace(new Document("_id", changed.id()).append("version", changed.version() - 1),
        toDocument(changed)) != null;
  }

  @Override
  public Optional<SanctionTask> find(String id) {
    return Optional.ofNullable(collection.find(Filters.eq("_id", id)).first()).map(this::fromDocument);
  }

  @Override
  public List<SanctionTask> ofEntry(String entryId) {
    return all(Filters.eq("entryId", entryId));
  }

  @Override
  public List<SanctionTask> all() {
    return all(new Document());
  }

  private List<SanctionTask> all(Bson filter) {
    List<SanctionTask> found = new ArrayList<>();
    collection.find(filter).sort(Sorts.ascending("_id")).forEach(d -> found.add(fromDocument(d)));
    return found;
  }

  private Document toDocument(SanctionTask task) {
    return JsonDocuments.toDocument(json, task, task.id());
  }

  private SanctionTask fromDocument(Document document) {
    return JsonDocuments.fromDocument(json, document, SanctionTask.class);
  }
}
