package cn.worksafety.platform.mongo;

import org.bson.Document;
import tools.jackson.databind.json.JsonMapper;

/**
 * A record kept as its JSON form, keyed by one of its own fields: the mapping is the record's, so
 * adding a field needs no mapping code, and {@code _id} is only the store's copy of the key.
 */
public final class JsonDocuments {
  private JsonDocuments() {}

  public static Document toDocument(JsonMapper json, Object value, Object id) {
    return Document.parse(json.writeValueAsString(value)).append("_id", id);
  }

  public static <T> T fromDocument(JsonMapper json, Document document, Class<T> type) {
    Document state = new Document(document);
    state.remove("_id");
    return json.readValue(state.toJson(), type);
  }
}
