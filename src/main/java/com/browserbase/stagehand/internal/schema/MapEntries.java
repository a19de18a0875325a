package com.browserbase.stagehand.internal.schema;

import com.browserbase.stagehand.internal.runtime.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * The form a {@code Map<String, V>} takes in a typed extract: an array of entries {@code {"key": "...", "value":
 * <V>}}, one per key. Its JSON Schema, and reading one array of entries back into the JSON object of a map. Not API.
 *
 * <p>Why not {@code {"type": "object", "additionalProperties": <V>}}: the Stagehand server turns the schema into zod
 * ({@code jsonSchemaToZod3} / {@code _jsonSchemaToZod} in server-v3's {@code lib/utils.ts}), and an object schema
 * without {@code properties} becomes {@code z.object({})}, which strips every key: the map would always come back
 * {@code {}}. An array of objects with {@code properties} becomes {@code z.array(z.object({key, value}))}, keeping
 * both and the array's {@code description}.
 */
final class MapEntries {
  /** What the entries are, for the model; after a property's own description, in parentheses. */
  static final String DESCRIPTION = "entries of a map, one per key";

  /** Why an array of entries cannot be read back into a map: the message is the problem, with its path. */
  static final class BadEntries extends Exception {
    private static final long serialVersionUID = 1L;

    BadEntries(String problem) {
      super(problem, null, false, false);
    }
  }

  private MapEntries() {}

  /** The schema of a map whose values have the schema {@code values}. */
  static ObjectNode schema(ObjectNode values) {
    ObjectNode properties = Json.MAPPER.createObjectNode();
    properties.putObject("key").put("type", "string");
    properties.set("value", values);
    ObjectNode entry = Json.MAPPER.createObjectNode().put("type", "object");
    entry.set("properties", properties);
    entry.putArray("required").add("key").add("value");
    entry.put("additionalProperties", false);
    ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "array");
    schema.set("items", entry);
    return schema.put("description", DESCRIPTION);
  }

  /**
   * The object of {@code entries} (at {@code path}), in their order, each value as it came (checked against the value
   * type afterwards); {@link BadEntries} for an entry that is not an object, a key missing or not a string, a value
   * missing, or a key given twice.
   */
  static ObjectNode object(ArrayNode entries, String path) throws BadEntries {
    ObjectNode object = Json.MAPPER.createObjectNode();
    Map<String, Integer> seen = new HashMap<>();
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      String at = ProblemText.element(path, i);
      if (!entry.isObject()) {
        throw new BadEntries(ProblemText.at(at) + "expected an entry {\"key\": ..., \"value\": ...}, got "
            + ProblemText.abbreviate(entry));
      }
      String key = key(entry, at);
      if (!entry.has("value")) {
        throw new BadEntries(ProblemText.at(ProblemText.child(at, "value")) + "required but missing");
      }
      Integer first = seen.put(key, i);
      if (first != null) {
        throw new BadEntries(ProblemText.at(ProblemText.child(at, "key")) + "duplicate key \"" + key
            + "\", also at " + ProblemText.child(ProblemText.element(path, first), "key"));
      }
      object.set(key, entry.get("value"));
    }
    return object;
  }

  private static String key(JsonNode entry, String at) throws BadEntries {
    JsonNode key = entry.get("key");
    String path = ProblemText.child(at, "key");
    if (key == null || key.isNull()) {
      throw new BadEntries(ProblemText.at(path) + "required but " + (key == null ? "missing" : "null"));
    }
    if (!key.isTextual()) {
      throw new BadEntries(ProblemText.at(path) + "expected a string, got " + ProblemText.abbreviate(key));
    }
    return key.asText();
  }
}
