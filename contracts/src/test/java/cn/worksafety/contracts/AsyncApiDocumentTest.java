package cn.worksafety.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AsyncApiDocumentTest {
  private static final String SCHEMAS = "#/components/schemas/";

  private final JsonNode document = AsyncApi.document();

  @Test
  void isAValidAsyncApi300Document() {
    Set<ValidationMessage> problems = AsyncApi.schema("classpath:asyncapi-schema/3.0.0.json").validate(document);

    assertThat(problems).map(ValidationMessage::toString).isEmpty();
  }

  @Test
  void everyRefResolvesInsideTheDocument() {
    List<String> refs = new ArrayList<>();
    collectRefs(document, refs);

    assertThat(refs).isNotEmpty();
    assertThat(refs).filteredOn(ref -> !ref.startsWith("#/") || document.at(ref.substring(1)).isMissingNode())
        .as("unresolved $refs").isEmpty();
  }

  @Test
  void everyEventTypeIsAMessageOnItsExchange() {
    Map<String, String> exchangeByMessageName = new HashMap<>();
    document.get("channels").forEach(channel -> channel.get("messages").forEach(message ->
        exchangeByMessageName.put(resolve(message).get("name").asText(), channel.get("address").asText())));

    for (EventType type : EventType.values()) {
      assertThat(exchangeByMessageName).as(type.name()).containsEntry(type.type(), type.exchange());
      JsonNode envelope = payloadProperties(messageNamed(type.type()));
      assertThat(envelope.at("/dataschema/const").asText()).as(type.name()).isEqualTo(type.dataschema().toString());
    }
  }

  @Test
  void everyMessageIsSentByOneOperationAndNamesItsOwnTypeAndSchema() {
    Map<String, Integer> sends = new HashMap<>();
    document.get("operations").forEach(operation -> operation.get("messages").forEach(message ->
        sends.merge(resolve(message).get("name").asText(), operation.get("action").asText().equals("send") ? 1 : 0,
            Integer::sum)));

    document.at("/components/messages").forEach(message -> {
      String name = message.get("name").asText();
      JsonNode envelope = payloadProperties(message);
      assertThat(sends.get(name)).as("send operations of " + name).isEqualTo(1);
      assertThat(envelope.at("/type/const").asText()).isEqualTo(name);
      assertThat(envelope.at("/dataschema/const").asText())
          .isEqualTo(EventType.ASYNCAPI + envelope.at("/data/$ref").asText());
      assertThat(message.get("contentType").asText()).isEqualTo(CloudEvent.CONTENT_TYPE);
    });
  }

  @Test
  void everyExampleMatchesItsMessagePayload() {
    document.at("/components/messages").properties().forEach(message -> {
      var payload = AsyncApi.schema(AsyncApi.DOCUMENT + "#/components/messages/" + message.getKey() + "/payload");
      assertThat(message.getValue().get("examples")).as(message.getKey() + " examples").isNotEmpty();
      message.getValue().get("examples").forEach(example ->
          assertThat(payload.validate(example.get("payload"))).as(message.getKey() + " example")
              .map(ValidationMessage::toString).isEmpty());
    });
  }

  @Test
  void payloadSchemasMatchTheJavaRecordsFieldForField() {
    Set<Class<?>> records = new LinkedHashSet<>();
    Arrays.stream(EventType.values()).forEach(type -> collectRecords(type.payload(), records));

    assertThat(records).isNotEmpty();
    for (Class<?> record : records) {
      JsonNode properties = document.at("/components/schemas/" + record.getSimpleName() + "/properties");
      Map<String, String> expected = new HashMap<>();
      for (RecordComponent component : record.getRecordComponents()) {
        expected.put(component.getName(), javaShape(component.getGenericType(), component));
      }
      Map<String, String> actual = new HashMap<>();
      properties.properties().forEach(property -> actual.put(property.getKey(), schemaShape(property.getValue())));

      assertThat(actual).as(record.getSimpleName()).isEqualTo(expected);
    }
  }

  private JsonNode messageNamed(String name) {
    for (JsonNode message : document.at("/components/messages")) {
      if (message.get("name").asText().equals(name)) {
        return message;
      }
    }
    throw new AssertionError("no message named " + name);
  }

  private JsonNode payloadProperties(JsonNode message) {
    JsonNode allOf = message.at("/payload/allOf");
    assertThat(allOf.get(0).path("$ref").asText()).isEqualTo(SCHEMAS + "CloudEvent");
    return allOf.get(1).get("properties");
  }

  private JsonNode resolve(JsonNode node) {
    return node.has("$ref") ? resolve(document.at(node.get("$ref").asText().substring(1))) : node;
  }

  private static void collectRefs(JsonNode node, List<String> refs) {
    if (node.isObject() && node.get("$ref") != null) {
      refs.add(node.get("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }

  private static void collectRecords(Type type, Set<Class<?>> records) {
    if (type instanceof ParameterizedType parameterized) {
      Arrays.stream(parameterized.getActualTypeArguments()).forEach(argument -> collectRecords(argument, records));
    } else if (type instanceof Class<?> c && c.isRecord() && records.add(c)) {
      Arrays.stream(c.getRecordComponents()).forEach(component -> collectRecords(component.getGenericType(), records));
    }
  }

  /** How a record component appears in JSON: a JSON type (with format), an array of a shape, or a schema name. */
  private static String javaShape(Type type, RecordComponent component) {
    if (type instanceof ParameterizedType parameterized
        && Collection.class.isAssignableFrom((Class<?>) parameterized.getRawType())) {
      return "array of " + javaShape(parameterized.getActualTypeArguments()[0], null);
    }
    Class<?> c = (Class<?>) type;
    if (c.isRecord()) {
      return SCHEMAS + c.getSimpleName();
    }
    if (c == String.class) {
      return "string";
    }
    if (c == OffsetDateTime.class) {
      return "string date-time";
    }
    if (c == LocalDate.class) {
      return "string date";
    }
    if (c == BigDecimal.class) {
      JsonFormat format = component == null ? null : component.getAccessor().getAnnotation(JsonFormat.class);
      return format != null && format.shape() == JsonFormat.Shape.STRING ? "string" : "number";
    }
    if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
      return "integer";
    }
    if (c == boolean.class || c == Boolean.class) {
      return "boolean";
    }
    throw new AssertionError("no JSON shape known for " + type);
  }

  private String schemaShape(JsonNode schema) {
    if (schema.has("oneOf")) { // "this or null": the shape of the non-null alternative
      for (JsonNode alternative : schema.get("oneOf")) {
        if (!alternative.path("type").asText().equals("null")) {
          return schemaShape(alternative);
        }
      }
    }
    if (schema.has("$ref")) {
      String ref = schema.get("$ref").asText();
      JsonNode target = resolve(schema);
      return target.path("type").asText().equals("object") ? ref : schemaShape(target);
    }
    String type = schema.path("type").asText();
    if (type.equals("array")) {
      return "array of " + schemaShape(schema.get("items"));
    }
    return schema.has("format") ? type + " " + schema.get("format").asText() : type;
  }
}
