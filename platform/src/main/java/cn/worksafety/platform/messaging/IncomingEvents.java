package cn.worksafety.platform.messaging;

import cn.worksafety.contracts.CloudEvent;
import java.nio.charset.StandardCharsets;
import org.springframework.amqp.core.Message;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads structured-mode CloudEvents off the wire, and binds their data to the contract's records. */
@Component
public class IncomingEvents {
  private static final TypeReference<CloudEvent<JsonNode>> ENVELOPE = new TypeReference<>() {};
  private final JsonMapper json;

  public IncomingEvents(JsonMapper json) {
    this.json = json;
  }

  public CloudEvent<JsonNode> read(Message message) {
    return json.readValue(new String(message.getBody(), StandardCharsets.UTF_8), ENVELOPE);
  }

  public <T> T data(CloudEvent<JsonNode> event, Class<T> type) {
    return json.treeToValue(event.data(), type);
  }
}
