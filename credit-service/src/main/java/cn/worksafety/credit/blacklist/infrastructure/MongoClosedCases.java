package cn.worksafety.credit.blacklist.infrastructure;

import cn.worksafety.credit.blacklist.application.ClosedCases;
import cn.worksafety.platform.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Instant;
import java.util.Date;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** Closed penalty cases in {@code closed_cases}, keyed by case id: a repeated closure event adds nothing. */
@Repository
public class MongoClosedCases implements ClosedCases {
  private final MongoCollection<Document> collection;

  public MongoClosedCases(MongoDatabase database) {
    this.collection = database.getCollection("closed_cases");
  }

  @Override
  public void closed(String caseId, Instant at) {
    Inserts.ifAbsent(collection, new Document("_id", caseId).append("closedAt", Date.from(at)));
  }

  @Override
  public boolean isClosed(String caseId) {
    return collection.find(Filters.eq("_id", caseId)).first() != null;
  }
}
