package com.browserbase.stagehand.internal.schema;

import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.internal.runtime.Json;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Reads the result of a typed {@code extract} into its type: the JSON the server returned for the schema {@link
 * JsonSchemas} made of that type. Not API.
 *
 * <p>{@link MapResults} first turns each map's entries back into an object; the result is then checked against the
 * schema ({@link SchemaCheck}) and read by Jackson with the SDK mapper's modules, except that a JSON {@code null} is
 * set, not skipped, so an absent {@code Optional} property becomes {@code Optional.empty()}, never {@code null}. A
 * non-object result still wrapped as {@code {"value": ...}} (the form the server has the model answer in; it normally
 * unwraps it) is unwrapped. A number with no fraction ({@code 3.0}) reads into an integer type: the model is told
 * {@code number} for {@code integer}.
 */
public final class TypedResults {
  /** The SDK's mapper, but with nulls set as given (the SDK's own models skip them). */
  private static final ObjectMapper MAPPER = Json.MAPPER.copy().setDefaultSetterInfo(JsonSetter.Value.empty());

  private TypedResults() {}

  /**
   * Reads {@code result} (not changed) as {@code type}; {@link StagehandInvalidDataException} when it does not fit,
   * naming the JSON path and what was expected ({@code "The result does not fit Page: at links[1].count: expected an
   * integer, got 3.5"}, or a map's key given twice); {@link IllegalArgumentException} for a type without a schema.
   */
  public static <T> T read(JsonNode result, JavaType type) {
    ObjectNode sent = JsonSchemas.of(type);
    JsonNode value = unwrapped(result == null ? MissingNode.getInstance() : result, sent, type).deepCopy();
    if (value.isMissingNode()) {
      throw new StagehandInvalidDataException(doesNotFit(type) + "no result");
    }
    try {
      value = MapResults.objects(value, type);
    } catch (MapEntries.BadEntries e) {
      throw new StagehandInvalidDataException(doesNotFit(type) + e.getMessage(), e);
    }
    String problem = SchemaCheck.problem(value, JsonSchemas.ofResult(type));
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

  /**
   * The result without the {@code {"value": ...}} the server wraps around anything but an object: a map's entries
   * (sent as an array) too, but not a map that arrives as an object, even when its one key is {@code value}.
   */
  private static JsonNode unwrapped(JsonNode result, ObjectNode sent, JavaType type) {
    boolean wrapped = !"object".equals(sent.path("type").asText()) && result.isObject() && result.size() == 1
        && result.has("value") && !(MapResults.isMap(type) && !result.get("value").isArray());
    return wrapped ? result.get("value") : result;
  }

  private static String doesNotFit(JavaType type) {
    return "The result does not fit " + JsonSchemas.label(type) + ": ";
  }
}
