package cn.worksafety.deploy.store;

import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import java.util.List;
import java.util.Map;
import org.h2.mvstore.MVMap;

/** A unique index kept in an H2 map from BSON-encoded keys ({@link Bson#key}) to document positions. */
final class BsonUniqueIndex extends AbstractUniqueIndex<Object> {
  private final MVMap<byte[], Object> positions;

  BsonUniqueIndex(MVMap<byte[], Object> positions, String name, List<IndexKey> keys, boolean sparse) {
    super(name, keys, sparse);
    this.positions = positions;
  }

  @Override
  protected Object removeDocument(KeyValue key) {
    return positions.remove(Bson.key(key));
  }

  @Override
  protected boolean putKeyPosition(KeyValue key, Object position) {
    return positions.putIfAbsent(Bson.key(key), Missing.ofNullable(position)) == null;
  }

  @Override
  protected Object getPosition(KeyValue key) {
    return positions.get(Bson.key(key));
  }

  @Override
  protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
    return () -> positions.entrySet().stream()
        .map(entry -> Map.entry(Bson.key(entry.getKey()), entry.getValue()))
        .iterator();
  }

  @Override
  public long getCount() {
    return positions.sizeAsLong();
  }

  @Override
  public long getDataSize() {
    return getCount();
  }
}
