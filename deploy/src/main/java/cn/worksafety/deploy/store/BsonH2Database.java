package cn.worksafety.deploy.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The H2 backend's database with documents and unique-index keys kept as BSON bytes.
 *
 * <p>The backend's own maps hold Java objects: H2 Java-serializes both keys on every comparison of
 * an index lookup, and its page cache holds every cached document as a graph of objects that the
 * collector copies again and again (pauses of up to a second with a million files). Byte arrays are
 * compared as they are and cost the collector one object each. Maps an earlier version left in the
 * old form are converted when first opened; the map names are the backend's own, so dropping and
 * listing work unchanged.
 */
final class BsonH2Database extends H2Database {
  private static final Logger log = LoggerFactory.getLogger(BsonH2Database.class);
  private static final String FORMAT = "format";
  private static final String BSON = "bson";

  private final MVStore mvStore;
  private final CursorRegistry cursors;

  BsonH2Database(String databaseName, MVStore mvStore, CursorRegistry cursors) {
    super(databaseName, mvStore, cursors);
    this.mvStore = mvStore;
    this.cursors = cursors;
    super.initializeNamespacesAndIndexes();
  }

  /** The super constructor opens collections before this class's fields are set: open them after. */
  @Override
  protected void initializeNamespacesAndIndexes() {
    if (mvStore != null) {
      super.initializeNamespacesAndIndexes();
    }
  }

  @Override
  protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
    String namespace = getFullCollectionNamespace(collectionName);
    MVMap<String, Object> meta = mvStore.openMap("meta." + namespace);
    String name = "databases." + namespace;
    if (!BSON.equals(meta.get(FORMAT))) {
      convert(name, name, (Object id) -> id, (Document document) -> Bson.document(document),
          new MVMap.Builder<Object, byte[]>().valueType(BytesType.INSTANCE));
      meta.put(FORMAT, BSON);
    }
    MVMap<Object, byte[]> documents = mvStore.openMap(name,
        new MVMap.Builder<Object, byte[]>().valueType(BytesType.INSTANCE));
    return new BsonH2Collection(this, collectionName, options, documents, meta, cursors);
  }

  @Override
  protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName, List<IndexKey> keys,
      boolean sparse) {
    String name = getFullCollectionNamespace(collectionName) + "._keys_" + indexName;
    MVMap.Builder<byte[], Object> keyed = new MVMap.Builder<byte[], Object>().keyType(BytesType.INSTANCE);
    convert(getFullCollectionNamespace(collectionName) + "._index_" + indexName, name, (KeyValue key) -> Bson.key(key),
        (Object position) -> position, keyed);
    return new BsonUniqueIndex(mvStore.openMap(name, keyed), indexName, keys, sparse);
  }

  @Override
  protected void dropIndex(MongoCollection<Object> collection, String indexName) {
    super.dropIndex(collection, indexName);
    mvStore.removeMap(getFullCollectionNamespace(collection.getCollectionName()) + "._keys_" + indexName);
  }

  /**
   * Rewrites the map {@code from}, kept by the backend with Java serialization, as the map {@code to}
   * in the form {@code builder} opens; nothing when there is no such map.
   */
  private <K, V, OK, OV> void convert(String from, String to, Function<OK, K> key, Function<OV, V> value,
      MVMap.Builder<K, V> builder) {
    if (!mvStore.hasMap(from)) {
      return;
    }
    MVMap<OK, OV> old = mvStore.openMap(from);
    log.info("converting {} ({} entries) to BSON bytes", from, old.sizeAsLong());
    String converting = to + "._converting";
    mvStore.removeMap(converting);
    MVMap<K, V> converted = mvStore.openMap(converting, builder);
    for (Map.Entry<OK, OV> entry : old.entrySet()) {
      converted.put(key.apply(entry.getKey()), value.apply(entry.getValue()));
    }
    mvStore.removeMap(old);
    mvStore.renameMap(converted, to);
  }
}
