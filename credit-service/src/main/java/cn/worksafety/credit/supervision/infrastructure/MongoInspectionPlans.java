package cn.worksafety.credit.supervision.infrastructure;

import cn.worksafety.credit.creditfile.model.Grade;
import cn.worksafety.credit.supervision.application.InspectionPlans;
import cn.worksafety.credit.supervision.model.GradeSample;
import cn.worksafety.credit.supervision.model.InspectionPlan;
import cn.worksafety.platform.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** Plans in {@code inspection_plans}, keyed {@code region/year}, so a second draw collides. */
@Repository
public class MongoInspectionPlans implements InspectionPlans {
  private final MongoCollection<Document> collection;

  public MongoInspectionPlans(MongoDatabase database) {
    this.collection = database.getCollection("inspection_plans");
  }

  @Override
  public boolean add(InspectionPlan plan) {
    return Inserts.ifAbsent(collection, toDocument(plan));
  }

  @Override
  public Optional<InspectionPlan> find(String region, int year) {
    return Optional.ofNullable(collection.find(Filters.eq("_id", id(region, year))).first())
        .map(MongoInspectionPlans::fromDocument);
  }

  private static String id(String region, int year) {
    return region + "/" + year;
  }

  private static Document toDocument(InspectionPlan p) {
    return new Document("_id", id(p.region(), p.year())).append("region", p.region()).append("year", p.year())
        .append("seed", p.seed()).append("drawnAt", Date.from(p.drawnAt())).append("drawnBy", p.drawnBy())
        .append("samples", p.samples().stream().map(s -> new Document("grade", s.grade().name())
            .append("population", s.population()).append("percent", s.percent()).append("drawn", s.drawn())).toList())
        .append("listed", p.listed());
  }

  private static InspectionPlan fromDocument(Document d) {
    List<GradeSample> samples = d.getList("samples", Document.class).stream().map(s -> new GradeSample(
        Grade.valueOf(s.getString("grade")), s.getInteger("population"), s.getInteger("percent"),
        s.getList("drawn", String.class))).toList();
    return new InspectionPlan(d.getString("region"), d.getInteger("year"), d.getLong("seed"),
        d.getDate("drawnAt").toInstant(), d.getString("drawnBy"), samples, d.getList("listed", String.class, List.of()));
  }
}
