package cn.worksafety.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import cn.worksafety.contracts.events.CaseDecided;
import cn.worksafety.contracts.events.Penalty;
import com.networknt.schema.InputFormat;
import com.networknt.schema.ValidationMessage;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CloudEventJsonTest {
  private final JsonMapper json = JsonMapper.builder().build();

  private final CloudEvent<CaseDecided> event = new CloudEvent<>(
      CloudEvent.SPEC_VERSION,
      "9a2c4e6f-1b3d-4a5c-8e7f-0d2b4c6e8a1f",
      "/enforcement-service",
      EventType.CASE_DECIDED.type(),
      "914403001922038216",
      OffsetDateTime.parse("2025-04-20T16:30:00+08:00"),
      EventType.CASE_DECIDED.dataschema(),
      CloudEvent.DATA_CONTENT_TYPE,
      "48",
      null,
      null,
      new CaseDecided("C-2025-0042", "914403001922038216", "440300", List.of("AQSC-2021-099-1"),
          List.of(new Penalty("FINE", new BigDecimal("50000.00"), null), new Penalty("SUSPENSION", null, 30)),
          OffsetDateTime.parse("2025-04-20T16:00:00+08:00"), "《中华人民共和国安全生产法》第九十九条"));

  @Test
  void writesTheWireFormat() {
    JsonNode tree = json.readTree(json.writeValueAsString(event));

    assertThat(tree.get("time").isString()).isTrue();
    assertThat(tree.get("time").asString()).isEqualTo("2025-04-20T16:30:00+08:00");
    assertThat(tree.at("/data/decidedAt").asString()).isEqualTo("2025-04-20T16:00:00+08:00");
    assertThat(tree.at("/data/penalties/0/amount").isString()).isTrue();
    assertThat(tree.at("/data/penalties/0/amount").asString()).isEqualTo("50000.00");
    assertThat(tree.at("/data/penalties/0").has("periodDays")).isFalse();
    assertThat(tree.at("/data/penalties/1/periodDays").isInt()).isTrue();
    assertThat(tree.get("sequence").asString()).isEqualTo("48");
    assertThat(tree.get("dataschema").asString()).isEqualTo("https://worksafety.cn/contracts/asyncapi.yaml#/components/schemas/CaseDecided");
    assertThat(tree.has("requestid")).isFalse();
    assertThat(tree.has("traceparent")).isFalse();
  }

  @Test
  void readsBackWhatItWrote() {
    CloudEvent<CaseDecided> back =
        json.readValue(json.writeValueAsString(event), new TypeReference<CloudEvent<CaseDecided>>() {});

    assertThat(back).usingRecursiveComparison().ignoringFields("time", "data.decidedAt").isEqualTo(event);
    assertThat(back.time()).isAtSameInstantAs(event.time());
    assertThat(back.data().decidedAt()).isAtSameInstantAs(event.data().decidedAt());
    assertThat(back.sequenceNumber()).isEqualTo(48L);
  }

  @Test
  void validatesAgainstTheAsyncApiSchemas() {
    String text = json.writeValueAsString(event);

    assertThat(AsyncApi.schema(AsyncApi.DOCUMENT + "#/components/schemas/CloudEvent").validate(text, InputFormat.JSON))
        .map(ValidationMessage::toString).isEmpty();
    assertThat(AsyncApi.schema(AsyncApi.DOCUMENT + "#/components/messages/caseDecided/payload")
        .validate(text, InputFormat.JSON)).map(ValidationMessage::toString).isEmpty();
  }
}
