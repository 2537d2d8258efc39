package cn.worksafety.credit.creditfile.infrastructure;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Reads every document of a collection keyed by USCC, in USCC order, a batch at a time: first the
 * keys alone, sorted here, then for each batch of keys one {@code _id $in} query for the documents.
 *
 * <p>Why not one cursor over the documents: the embedded store builds a query's whole answer before
 * it returns the first batch, and sorts it before it projects it, so a walk over a million files,
 * or a sorted query for their keys, would hold every file in its memory at once. An unsorted
 * keys-only answer is small (about 80 MB here for a million keys), and {@code _id $in} is the one
 * query it answers from an index. It checks every document it finds against the whole {@code $in}
 * list, so a query's cost grows with the square of its keys: a query asks for at most
 * {@value #KEYS_PER_QUERY}. Public so that the re-rating benchmark's read-only
 * baseline (bench/) reads exactly as the runs do.
 */
public final class UsccOrderWalk {
  private static final int KEYS_PER_BATCH = 10_000;
  private static final int KEYS_PER_QUERY = 100;
  private UsccOrderWalk() {}

  /**
   * Every document whose key comes after {@code afterUscc} (every document when null), at most
   * {@code batchSize} to a query; a document deleted while the walk is under way is left out unless
   * its query was already answered, one added is not visited. The next query is asked on a thread of
   * the walk's own while the caller works through this one's documents, so that the store and the
   * caller work at the same time; closing the stream stops that thread.
   */
  public static Stream<Document> after(MongoCollection<Document> collection, String afterUscc, int batchSize) {
    return after(collection, afterUscc, batchSize, null);
  }

  /**
   * As {@link #after(MongoCollection, String, int)}, each document cut down to {@code projection}
   * (whole when null).
   */
  public static Stream<Document> after(MongoCollection<Document> collection, String afterUscc, int batchSize,
      Bson projection) {
    Bson filter = afterUscc == null ? new Document() : Filters.gt("_id", afterUscc);
    List<String> keys = new ArrayList<>();
    collection.find(filter).projection(Projections.include("_id")).batchSize(KEYS_PER_BATCH)
        .forEach(d -> keys.add(d.getString("_id")));
    Collections.sort(keys);
    int perQuery = Math.min(batchSize, KEYS_PER_QUERY);
    ExecutorService reader = Executors.newSingleThreadExecutor(task -> {
      Thread thread = new Thread(task, "uscc-order-walk");
      thread.setDaemon(true);
      return thread;
    });
    Iterator<List<Document>> batches = new Iterator<>() {
      private int next;
      private CompletableFuture<List<Document>> ahead = readNext();

      @Override
      public boolean hasNext() {
        return ahead != null;
      }

      @Override
      public List<Document> next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        CompletableFuture<List<Document>> current = ahead;
        ahead = readNext();
        return answer(current);
      }

      private CompletableFuture<List<Document>> readNext() {
        if (next >= keys.size()) {
          reader.shutdown();
          return null;
        }
        List<String> batch = keys.subList(next, Math.min(keys.size(), next + perQuery));
        next += batch.size();
        return CompletableFuture.supplyAsync(() -> inKeyOrder(collection, batch, projection), reader);
      }
    };
    Spliterator<List<Document>> split = Spliterators.spliteratorUnknownSize(batches,
        Spliterator.ORDERED | Spliterator.NONNULL);
    return StreamSupport.stream(split, false).onClose(reader::shutdown).flatMap(List::stream);
  }

  /** The documents, or the exception the query ended with as it was thrown. */
  private static List<Document> answer(CompletableFuture<List<Document>> query) {
    try {
      return query.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static List<Document> inKeyOrder(MongoCollection<Document> collection, List<String> keys, Bson projection) {
    Map<Object, Document> byKey = new HashMap<>(keys.size() * 2);
    collection.find(Filters.in("_id", keys)).projection(projection).batchSize(keys.size())
        .forEach(d -> byKey.put(d.get("_id"), d));
    return keys.stream().map(byKey::get).filter(Objects::nonNull).toList();
  }
}
