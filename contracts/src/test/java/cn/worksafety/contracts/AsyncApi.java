package cn.worksafety.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The AsyncAPI document and JSON Schemas taken from it, loaded from the classpath only. */
final class AsyncApi {
  static final String DOCUMENT = "classpath:asyncapi.yaml";

  /** Any schema the validator would fetch from elsewhere than the classpath fails instead. */
  private static final JsonSchemaFactory OFFLINE = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
      builder -> builder.schemaLoaders(loaders -> loaders.add(
          new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));

  private AsyncApi() {}

  static JsonNode document() {
    try (InputStream in = AsyncApi.class.getResourceAsStream("/asyncapi.yaml")) {
      return new ObjectMapper(new YAMLFactory()).readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A schema by location, e.g. {@code classpath:asyncapi.yaml#/components/schemas/CloudEvent}. */
  static JsonSchema schema(String location) {
    return OFFLINE.getSchema(SchemaLocation.of(location));
  }
}
