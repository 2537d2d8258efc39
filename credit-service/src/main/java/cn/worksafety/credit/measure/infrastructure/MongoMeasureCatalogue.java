package cn.worksafety.credit.measure.infrastructure;

import cn.worksafety.credit.measure.model.Department;
import cn.worksafety.credit.measure.application.MeasureCatalogue;
import cn.worksafety.platform.mongo.Inserts;
import cn.worksafety.platform.mongo.JsonDocuments;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.io.IOException;
import java.io.InputStream;
import cn.worksafety.platform.mongo.RecentRead;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Repository;
import tools.jackson.databind.json.JsonMapper;

/**
 * The catalogue in {@code sanction_measures}, one document per department. At start each seed
 * department is inserted if absent, so an administrator's edits are never overwritten and several
 * replicas seed it once.
 */
@Repository
public class MongoMeasureCatalogue implements MeasureCatalogue, SmartInitializingSingleton {
  private static final Logger log = LoggerFactory.getLogger(MongoMeasureCatalogue.class);
  private static final String UPDATED_BY = "updatedBy";
  private static final String UPDATED_AT = "updatedAt";
  /** Every listing published reads the catalogue; an edit on another instance shows within this. */
  private static final Duration FRESH_FOR = Duration.ofSeconds(5);
  private final MongoCollection<Document> collection;
  private final JsonMapper json;
  private final Resource seed;
  private final RecentRead<List<Department>> departments;

  public MongoMeasureCatalogue(MongoDatabase database, JsonMapper json,
      @Value("${app.measures.seed:classpath:catalogue/measures.json}") Resource seed, Clock clock) {
    this.collection = database.getCollection("sanction_measures");
    this.json = json;
    this.seed = seed;
    this.departments = new RecentRead<>(this::readDepartments, FRESH_FOR, clock);
  }

  @Override
  public void afterSingletonsInstantiated() {
    int added = 0;
    for (Department department : read(seed)) {
      Document document = JsonDocuments.toDocument(json, department, department.code());
      added += Inserts.ifAbsent(collection, document) ? 1 : 0;
    }
    departments.forget();
    log.info("measure catalogue: {} seed departments added", added);
  }

  @Override
  public List<Department> departments() {
    return departments.get();
  }

  private List<Department> readDepartments() {
    List<Department> all = new ArrayList<>();
    collection.find().projection(Projections.exclude("_id", UPDATED_BY, UPDATED_AT)).sort(Sorts.ascending("_id"))
        .forEach(d -> all.add(json.readValue(d.toJson(), Department.class)));
    return List.copyOf(all);
  }

  @Override
  public void put(Department department, String by, Instant at) {
    Document document = JsonDocuments.toDocument(json, department, department.code()).append(UPDATED_BY, by)
        .append(UPDATED_AT, Date.from(at));
    collection.replaceOne(Filters.eq("_id", department.code()), document, new ReplaceOptions().upsert(true));
    departments.forget();
  }

  private List<Department> read(Resource resource) {
    try (InputStream in = resource.getInputStream()) {
      return List.of(json.readValue(json.readTree(in).get("departments").toString(), Department[].class));
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the measure catalogue seed " + resource, e);
    }
  }
}
