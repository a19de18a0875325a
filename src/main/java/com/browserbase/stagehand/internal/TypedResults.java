package com.browserbase.stagehand.internal;

import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads the result of a typed {@code extract} into its type: the JSON the server returned for the
 * schema {@link JsonSchemas} made of that type. Not API.
 *
 * <p>The result is first checked against the schema ({@link SchemaCheck}), then read by Jackson with the
 * SDK mapper's modules. Two things differ from {@code Json.MAPPER}: a JSON {@code null} is set, not
 * skipped, so an absent {@code Optional} property becomes {@code Optional.empty()} and never
 * {@code null}; and a non-object result that arrives still wrapped as {@code {"value": ...}} (the form
 * the server has the model answer in; it normally unwraps it) is unwrapped. A number with no fraction
 * ({@code 3.0}) reads into an integer type: the model is told {@code number} for {@code integer}.
 */
public final class TypedResults {
  /** The SDK's mapper, but with nulls set as given (the SDK's own models skip them). */
  private static final ObjectMapper MAPPER = Json.MAPPER.copy().setDefaultSetterInfo(JsonSetter.Value.empty());

  private TypedResults() {}

  /** Reads {@code result} as {@code type}; see {@link #read(JsonNode, JavaType)}. */
  public static <T> T read(JsonNode result, Class<T> type) {
    return read(result, Json.MAPPER.getTypeFactory().constructType(Checks.notNull(type, "type")));
  }

  /** Reads {@code result} as a generic type; see {@link #read(JsonNode, JavaType)}. */
  public static <T> T read(JsonNode result, TypeReference<T> type) {
    return read(result, Json.MAPPER.getTypeFactory().constructType(Checks.notNull(type, "type")));
  }

  /**
   * Reads {@code result} (not changed) as {@code type}.
   *
   * @throws StagehandInvalidDataException when the result does not fit the type, naming the JSON path
   *     and what was expected there: {@code "The result does not fit Page: at links[1].count: expected
   *     an integer, got 3.5"}
   * @throws IllegalArgumentException when {@link JsonSchemas} cannot describe the type
   */
  public static <T> T read(JsonNode result, JavaType type) {
    ObjectNode schema = JsonSchemas.of(type);
    JsonNode value = unwrapped(result == null ? MissingNode.getInstance() : result, schema).deepCopy();
    String problem = value.isMissingNode() ? "no result" : SchemaCheck.problem(value, schema);
    if (problem != null) {
      throw new StagehandInvalidDataException(doesNotFit(type) + problem);
    }
    try {
      return MAPPER.readerFor(type).readValue(value);
    } catch (JsonProcessingException e) {
      throw new StagehandInvalidDataException(doesNotFit(type) + Json.describe(e), e);
    } catch (IOException | IllegalArgumentException e) {
      throw new StagehandInvalidDataException(doesNotFit(type) + e.getMessage(), e);
    }
  }

  private static JsonNode unwrapped(JsonNode result, ObjectNode schema) {
    boolean wrapped = !"object".equals(schema.path("type").asText()) && result.isObject() && result.size() == 1
        && result.has("value");
    return wrapped ? result.get("value") : result;
  }

  private static String doesNotFit(JavaType type) {
    return "The result does not fit " + JsonSchemas.label(type) + ": ";
  }
}
