package cn.worksafety.platform.outbox;

import java.time.Instant;
import org.bson.Document;

/**
 * An event waiting in its aggregate's document to be published. {@code data} is kept as the exact
 * JSON that goes on the wire, so what is published is byte for byte what was decided.
 */
public record OutboxEntry(String id, String type, String subject, Instant time, String data, String requestId,
    String traceparent) {
  static final String FIELD = "outbox";

  Document toDocument() {
    Document d = new Document("id", id).append("type", type).append("subject", subject)
        .append("time", java.util.Date.from(time)).append("data", data);
    if (requestId != null) {
      d.append("requestId", requestId);
    }
    if (traceparent != null) {
      d.append("traceparent", traceparent);
    }
    return d;
  }

  static OutboxEntry fromDocument(Document d) {
    return new OutboxEntry(d.getString("id"), d.getString("type"), d.getString("subject"),
        d.getDate("time").toInstant(), d.getString("data"), d.getString("requestId"), d.getString("traceparent"));
  }
}
