package com.browserbase.stagehand.contract;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which properties and union forms of the spec's request bodies the contract suite has sent, read
 * from the bodies that went over the wire: proof that the "every field set" requests really set every
 * field the spec defines, and every form of every union, rather than our own reading of the spec.
 * Labels are {@code Schema.property} (inline objects: {@code Schema.property.property}) and
 * {@code Schema.property: form F}. A {@code null} form is not expected: the SDK leaves an unset value out.
 */
final class RequestCoverage {
  private final Spec spec;
  private final Map<String, JsonNode> requestSchemas = new LinkedHashMap<>();
  private final Set<String> expected = new TreeSet<>();
  private final Set<String> seen = new HashSet<>();
  private final Set<String> collected = new HashSet<>();
  private final List<String> unmatched = new ArrayList<>();

  RequestCoverage(Spec spec) {
    this.spec = spec;
    for (JsonNode path : spec.root.path("paths")) {
      for (JsonNode operation : path) {
        JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
        if (!body.isMissingNode()) {
          requestSchemas.put(operation.path("operationId").asText(), body);
          collect("", body);
        }
      }
    }
  }

  /** Notes what a request body of an operation set. */
  synchronized void record(String operationId, JsonNode body) {
    JsonNode schema = requestSchemas.get(operationId);
    if (schema == null) {
      throw new IllegalArgumentException("No request body in the spec for " + operationId);
    }
    visit("", body, schema);
  }

  /** What the spec defines and no request has sent yet. */
  synchronized Set<String> missing() {
    Set<String> missing = new TreeSet<>(expected);
    missing.removeAll(seen);
    return missing;
  }

  /** Values that matched no form of their union (Prism would have rejected them). */
  synchronized List<String> unmatched() {
    return new ArrayList<>(unmatched);
  }

  int expectedCount() {
    return expected.size();
  }

  private void collect(String where, JsonNode schema) {
    String ref = Spec.refName(schema);
    if (ref != null) {
      if (collected.add(ref)) {
        collect(ref, spec.resolve(schema));
      }
      return;
    }
    List<JsonNode> forms = forms(schema);
    if (forms != null) {
      for (JsonNode form : forms) {
        if (!"null".equals(form.path("type").asText())) {
          expected.add(where + ": form " + describe(form));
        }
        collect(where, form);
      }
      return;
    }
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      expected.add(where + "." + property.getKey());
      collect(where + "." + property.getKey(), property.getValue());
    }
    if (schema.has("items")) {
      collect(where + "[]", schema.get("items"));
    }
    if (schema.path("additionalProperties").isObject()) {
      collect(where + "{}", schema.get("additionalProperties"));
    }
  }

  private void visit(String where, JsonNode value, JsonNode schema) {
    String ref = Spec.refName(schema);
    if (ref != null) {
      visit(ref, value, spec.resolve(schema));
      return;
    }
    List<JsonNode> forms = forms(schema);
    if (forms != null) {
      boolean matched = false;
      for (JsonNode form : forms) {
        if (matches(value, form)) {
          matched = true;
          seen.add(where + ": form " + describe(form));
          visit(where, value, form);
        }
      }
      if (!matched) {
        unmatched.add(where + ": " + value);
      }
      return;
    }
    if (value.isObject()) {
      JsonNode properties = schema.path("properties");
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        if (properties.has(field.getKey())) {
          seen.add(where + "." + field.getKey());
          visit(where + "." + field.getKey(), field.getValue(), properties.get(field.getKey()));
        } else if (schema.path("additionalProperties").isObject()) {
          visit(where + "{}", field.getValue(), schema.get("additionalProperties"));
        }
      }
    } else if (value.isArray() && schema.has("items")) {
      for (JsonNode element : value) {
        visit(where + "[]", element, schema.get("items"));
      }
    }
  }

  /** A small JSON Schema check, enough to tell the forms of the spec's unions apart. */
  private boolean matches(JsonNode value, JsonNode schema) {
    JsonNode resolved = spec.resolve(schema);
    List<JsonNode> forms = forms(resolved);
    if (forms != null) {
      return forms.stream().anyMatch(form -> matches(value, form));
    }
    if (resolved.has("const") && !resolved.get("const").equals(value)) {
      return false;
    }
    if (resolved.has("enum")) {
      boolean listed = false;
      for (JsonNode option : resolved.get("enum")) {
        listed |= option.equals(value) || (option.isNumber() && value.isNumber() && option.asDouble() == value.asDouble());
      }
      if (!listed) {
        return false;
      }
    }
    String type = resolved.path("type").asText(resolved.has("properties") ? "object" : "");
    switch (type) {
      case "string":
        return value.isTextual();
      case "number":
        return value.isNumber();
      case "boolean":
        return value.isBoolean();
      case "null":
        return value.isNull();
      case "array":
        for (JsonNode element : value) {
          if (!resolved.has("items") || !matches(element, resolved.get("items"))) {
            return false;
          }
        }
        return value.isArray();
      case "object":
        if (!value.isObject()) {
          return false;
        }
        for (JsonNode required : resolved.path("required")) {
          if (!value.has(required.asText())) {
            return false;
          }
        }
        JsonNode properties = resolved.path("properties");
        for (Map.Entry<String, JsonNode> field : value.properties()) {
          if (properties.has(field.getKey())) {
            if (!matches(field.getValue(), properties.get(field.getKey()))) {
              return false;
            }
          } else if (resolved.path("additionalProperties").isBoolean() && !resolved.get("additionalProperties").asBoolean()) {
            return false;
          }
        }
        return true;
      default:
        return true; // {}: anything
    }
  }

  private static List<JsonNode> forms(JsonNode schema) {
    JsonNode forms = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
    if (forms == null) {
      return null;
    }
    List<JsonNode> list = new ArrayList<>();
    forms.forEach(list::add);
    return list;
  }

  private static String describe(JsonNode form) {
    String ref = Spec.refName(form);
    if (ref != null) {
      return ref;
    }
    String type = form.path("type").asText(form.has("properties") ? "object" : "any");
    return "array".equals(type) && form.has("items")
        ? "array of " + describe(form.get("items"))
        : type;
  }
}
