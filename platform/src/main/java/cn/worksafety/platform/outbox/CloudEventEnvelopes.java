package cn.worksafety.platform.outbox;

import cn.worksafety.contracts.CloudEvent;
import cn.worksafety.contracts.EventType;
import java.net.URI;
import java.time.Clock;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Turns an outbox entry and its sequence number into the structured-mode CloudEvent that goes on the wire. */
@Component
public class CloudEventEnvelopes {
  private final JsonMapper json;
  private final Clock clock;
  private final String source;

  public CloudEventEnvelopes(JsonMapper json, Clock clock, OutboxProperties properties) {
    this.json = json;
    this.clock = clock;
    this.source = properties.source();
  }

  public String envelope(OutboxEntry entry, long sequence) {
    URI schema = EventType.of(entry.type()).map(EventType::dataschema).orElse(null);
    CloudEvent<JsonNode> event = new CloudEvent<>(CloudEvent.SPEC_VERSION, entry.id(), source, entry.type(),
        entry.subject(), entry.time().atZone(clock.getZone()).toOffsetDateTime(), schema,
        CloudEvent.DATA_CONTENT_TYPE, Long.toString(sequence), entry.requestId(), entry.traceparent(),
        json.readTree(entry.data()));
    return json.writeValueAsString(event);
  }
}
