package cn.worksafety.deploy.store;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractSynchronizedMongoCollection;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DocumentWithPosition;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.Document;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;

/**
 * A collection kept in an H2 map from {@code _id} to the document's BSON bytes; read documents are
 * decoded on each use. Its statistics live in a second map, as in the H2 backend's own collection.
 */
final class BsonH2Collection extends AbstractSynchronizedMongoCollection<Object> {
  private static final String DATA_SIZE = "dataSize";

  private final MVMap<Object, byte[]> documents;
  private final MVMap<String, Object> meta;

  BsonH2Collection(MongoDatabase database, String name, CollectionOptions options, MVMap<Object, byte[]> documents,
      MVMap<String, Object> meta, CursorRegistry cursors) {
    super(database, name, options, cursors);
    this.documents = documents;
    this.meta = meta;
    meta.putIfAbsent(DATA_SIZE, 0L);
  }

  @Override
  protected void updateDataSize(int delta) {
    synchronized (meta) {
      meta.put(DATA_SIZE, ((Number) meta.get(DATA_SIZE)).longValue() + delta);
    }
  }

  @Override
  protected int getDataSize() {
    return ((Number) meta.get(DATA_SIZE)).intValue();
  }

  @Override
  protected Object addDocumentInternal(Document document) {
    Object id = getIdField() == null ? UUID.randomUUID() : Utils.getSubdocumentValue(document, getIdField());
    Object position = Missing.ofNullable(id);
    if (documents.putIfAbsent(position, Bson.document(document)) != null) {
      throw new IllegalStateException("document with key '" + id + "' already existed in " + getFullName());
    }
    return position;
  }

  @Override
  public int count() {
    return documents.size();
  }

  @Override
  public boolean isEmpty() {
    return documents.isEmpty();
  }

  @Override
  protected Document getDocument(Object position) {
    byte[] bytes = documents.get(position);
    return bytes == null ? null : Bson.document(bytes);
  }

  @Override
  protected void removeDocument(Object position) {
    if (documents.remove(position) == null) {
      throw new NoSuchElementException("no document with key " + position);
    }
  }

  @Override
  protected Stream<DocumentWithPosition<Object>> streamAllDocumentsWithPosition() {
    return documents.entrySet().stream()
        .map(entry -> new DocumentWithPosition<>(Bson.document(entry.getValue()), entry.getKey()));
  }

  @Override
  protected QueryResult matchDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
      Document projection) {
    Stream<Document> candidates;
    if (isNaturalDescending(orderBy)) {
      candidates = streamAllDocumentsWithPosition()
          .sorted((a, b) -> ValueComparator.desc().compare(a.getPosition(), b.getPosition()))
          .map(DocumentWithPosition::getDocument);
    } else if (asksForKeysOnly(query, projection)) {
      candidates = documents.keySet().stream().map(id -> new Document(getIdField(), id));
    } else {
      candidates = documents.values().stream().map(Bson::document);
    }
    return matchDocumentsFromStream(candidates, query, orderBy, skip, limit, batchSize, projection);
  }

  /**
   * Keys chosen by their values alone ({@code find({_id: {$gt: …}}, {_id: 1})}): answered from the
   * map's keys, every key checked as a document of its own, without decoding a document.
   */
  private boolean asksForKeysOnly(Document query, Document projection) {
    String id = getIdField();
    return id != null && projection != null && projection.size() == 1 && Utils.isTrue(projection.get(id))
        && query.keySet().stream().allMatch(id::equals);
  }

  @Override
  protected void handleUpdate(Object position, Document oldDocument, Document newDocument) {
    documents.put(Missing.ofNullable(position), Bson.document(newDocument));
  }
}
