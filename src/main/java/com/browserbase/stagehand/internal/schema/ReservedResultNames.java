package com.browserbase.stagehand.internal.schema;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The top-level property names the Stagehand server takes for itself in an extract result. A type whose schema uses
 * one is refused before anything is sent: its value could never arrive, and only a paid model call would show it.
 *
 * <p>What the server does (3.7.5): {@code extract} in core's {@code lib/inference.js} returns {@code
 * {...extractedData, metadata, prompt_tokens, completion_tokens, reasoning_tokens, cached_input_tokens,
 * inference_time_ms}}, overwriting the model's values, and {@code ExtractHandler} ({@code
 * lib/v3/handlers/extractHandler.js}) destructures all six out of its result. Only a top-level object schema meets
 * them: any other is sent wrapped as {@code {"value": ...}}, and nested objects are left alone. Not API.
 */
public final class ReservedResultNames {
  /** The names, as the server spells them. */
  static final Set<String> NAMES = Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(
      "metadata", "prompt_tokens", "completion_tokens", "reasoning_tokens", "cached_input_tokens",
      "inference_time_ms")));

  private ReservedResultNames() {}

  /**
   * Refuses {@code type} when its {@code schema} (from {@link JsonSchemas}) is an object with a property the server
   * takes: an {@link IllegalArgumentException} naming the type, the property and why.
   */
  public static void check(JavaType type, JsonNode schema) {
    if (!"object".equals(schema.path("type").asText())) {
      return;
    }
    for (Iterator<String> names = schema.path("properties").fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (NAMES.contains(name)) {
        throw new IllegalArgumentException("Cannot extract into " + JsonSchemas.label(type) + ": the Stagehand server"
            + " overwrites the top-level property \"" + name + "\" of an extract result with its own "
            + ("metadata".equals(name) ? "metadata of the extraction" : "usage figures of the call (tokens, time)")
            + " and then removes it, so the model's value would never arrive; give the property another JSON"
            + " name with @JsonProperty, such as @JsonProperty(\"page_" + name + "\")");
      }
    }
  }
}
