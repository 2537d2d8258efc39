package cn.worksafety.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.time.OffsetDateTime;

/**
 * A CloudEvents 1.0 event in structured JSON mode ({@code application/cloudevents+json}).
 *
 * <p>{@code sequence} is the gap-free, per-exchange position of the event, as a string (CloudEvents
 * extension attributes are strings). {@code requestid} carries the {@code X-Request-Id} of the
 * request that caused the event; {@code traceparent} the W3C trace context when tracing is on.
 *
 * @param <D> the payload type; consumers that dispatch on {@code type} read it as a JSON tree first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CloudEvent<D>(
    String specversion,
    String id,
    String source,
    String type,
    String subject,
    OffsetDateTime time,
    URI dataschema,
    String datacontenttype,
    String sequence,
    String requestid,
    String traceparent,
    D data) {

  public static final String SPEC_VERSION = "1.0";
  public static final String CONTENT_TYPE = "application/cloudevents+json";
  public static final String DATA_CONTENT_TYPE = "application/json";

  public long sequenceNumber() {
    return Long.parseLong(sequence);
  }
}
