package cn.worksafety.platform.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import org.bson.Document;

/** Inserts that take a key only if nobody has it: the unique index decides, not a read before. */
public final class Inserts {
  private Inserts() {}

  /** Inserts {@code document}; false when a document with the same unique key is already there. */
  public static boolean ifAbsent(MongoCollection<Document> collection, Document document) {
    try {
      collection.insertOne(document);
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }
}
