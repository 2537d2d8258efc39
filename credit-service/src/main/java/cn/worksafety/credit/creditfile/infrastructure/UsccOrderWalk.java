package cn.worksafety.credit.creditfile.infrastructure;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoCursor;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads every document of a collection keyed by USCC, in USCC order, a batch at a time: one cursor
 * over the keys alone, and for each batch of keys one {@code _id $in} query for the documents.
 *
 * <p>Why not one cursor over the documents: the embedded store builds a query's whole answer before
 * it returns the first batch, so a walk over a million files would hold them all in its memory at
 * once. A keys-only answer is small, and {@code _id $in} is the one query it answers from an index.
 * On MongoDB both queries are index scans. Public so that the re-rating benchmark's read-only
 * baseline (bench/) reads exactly as the runs do.
 */
public final class UsccOrderWalk {
  private UsccOrderWalk() {}

  /**
   * Every document whose key comes after {@code afterUscc} (every document when null), {@code
   * batchSize} at a time; a document deleted while the walk is under way is left out. Close the
   * stream when done.
   */
  public static Stream<Document> after(MongoCollection<Document> collection, String afterUscc, int batchSize) {
    Bson filter = afterUscc == null ? new Document() : Filters.gt("_id", afterUscc);
    MongoCursor<Document> keys = collection.find(filter).projection(Projections.include("_id"))
        .sort(Sorts.ascending("_id")).batchSize(batchSize).cursor();
    Iterator<List<Document>> batches = new Iterator<>() {
      @Override
      public boolean hasNext() {
        return keys.hasNext();
      }

      @Override
      public List<Document> next() {
        if (!keys.hasNext()) {
          throw new NoSuchElementException();
        }
        List<Object> batch = new ArrayList<>(batchSize);
        while (batch.size() < batchSize && keys.hasNext()) {
          batch.add(keys.next().get("_id"));
        }
        return inKeyOrder(collection, batch);
      }
    };
    Spliterator<List<Document>> split = Spliterators.spliteratorUnknownSize(batches,
        Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(split, false).flatMap(List::stream).onClose(keys::close);
  }

  private static List<Document> inKeyOrder(MongoCollection<Document> collection, List<Object> keys) {
    Map<Object, Document> byKey = new HashMap<>(keys.size() * 2);
    collection.find(Filters.in("_id", keys)).batchSize(keys.size()).forEach(d -> byKey.put(d.get("_id"), d));
    return keys.stream().map(byKey::get).filter(Objects::nonNull).toList();
  }
}
