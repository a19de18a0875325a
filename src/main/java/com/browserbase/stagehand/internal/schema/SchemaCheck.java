package com.browserbase.stagehand.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;

/**
 * Checks a JSON value against a schema of {@link JsonSchemas#ofResult}, before Jackson reads it, for what Jackson
 * would let through: a required property missing or null (read as {@code null} or {@code 0}), a fraction where an
 * integer belongs (truncated: the model is told {@code number} for {@code integer}), a number where a string belongs
 * (turned into text), a string outside an enum. Properties the schema does not name are left alone. Not API.
 *
 * <p>It also sets each absent optional property to {@code null}, so that Jackson reads an empty {@code Optional} rather
 * than leaving a field {@code null}: give it a tree the caller may change. An optional URL the server could not
 * resolve ({@code ""}) counts as absent; a required one is refused, as Jackson would read a {@code null} {@code URL}.
 */
final class SchemaCheck {
  private SchemaCheck() {}

  /** What does not fit, as {@code "at links[1].count: expected an integer, got 3.5"}, or {@code null}. */
  static String problem(JsonNode value, JsonNode schema) {
    return problem(value, schema, "");
  }

  private static String problem(JsonNode value, JsonNode schema, String path) {
    String type = schema.path("type").asText();
    switch (type) {
      case "object":
        return value.isObject() ? objectProblem((ObjectNode) value, schema, path) : mismatch(path, schema, value);
      case "array":
        if (!value.isArray()) {
          return mismatch(path, schema, value);
        }
        for (int i = 0; i < value.size(); i++) {
          String problem = problem(value.get(i), schema.get("items"), ProblemText.element(path, i));
          if (problem != null) {
            return problem;
          }
        }
        return null;
      case "string":
        if (!value.isTextual()) {
          return mismatch(path, schema, value);
        }
        if (noUrl(value, schema)) {
          return ProblemText.at(path) + "expected a URL, got \"\" (the server found no link for it)";
        }
        JsonNode names = schema.get("enum");
        if (names != null && !contains(names, value)) {
          return ProblemText.at(path) + "expected one of " + join(names) + ", got " + ProblemText.abbreviate(value);
        }
        return null;
      case "integer":
        return value.isIntegralNumber() || value.isNumber() && value.decimalValue().stripTrailingZeros().scale() <= 0
            ? null
            : mismatch(path, schema, value);
      case "number":
        return value.isNumber() ? null : mismatch(path, schema, value);
      case "boolean":
        return value.isBoolean() ? null : mismatch(path, schema, value);
      default:
        throw new IllegalArgumentException("Not a schema of JsonSchemas: " + schema);
    }
  }

  private static String objectProblem(ObjectNode value, JsonNode schema, String path) {
    JsonNode properties = schema.get("properties");
    if (properties != null) {
      Set<String> required = new HashSet<>();
      for (JsonNode name : schema.path("required")) {
        required.add(name.asText());
      }
      for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        JsonNode property = value.get(name);
        boolean present = property != null && !property.isNull();
        if (!required.contains(name) && (!present || noUrl(property, properties.get(name)))) {
          value.putNull(name);
          continue;
        }
        String problem = present
            ? problem(property, properties.get(name), ProblemText.child(path, name))
            : ProblemText.at(ProblemText.child(path, name)) + "required but " + (property == null ? "missing" : "null");
        if (problem != null) {
          return problem;
        }
      }
    }
    JsonNode values = schema.get("additionalProperties");
    if (values != null && values.isObject()) {
      for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        String problem = problem(value.get(name), values, ProblemText.child(path, name));
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  /** Whether a value is the {@code ""} the server puts for a link of the page the model named but it cannot find. */
  private static boolean noUrl(JsonNode value, JsonNode schema) {
    return value.isTextual() && value.asText().isEmpty() && "uri".equals(schema.path("format").asText());
  }

  private static String mismatch(String path, JsonNode schema, JsonNode value) {
    String type = schema.path("type").asText();
    String article = type.startsWith("a") || type.startsWith("i") || type.startsWith("o") ? "an " : "a ";
    return ProblemText.at(path) + "expected " + article + type + ", got " + ProblemText.abbreviate(value);
  }

  private static boolean contains(JsonNode names, JsonNode value) {
    for (JsonNode name : names) {
      if (name.equals(value)) {
        return true;
      }
    }
    return false;
  }

  private static String join(JsonNode names) {
    StringBuilder joined = new StringBuilder();
    for (JsonNode name : names) {
      joined.append(joined.length() > 0 ? ", " : "").append(name);
    }
    return joined.toString();
  }
}
