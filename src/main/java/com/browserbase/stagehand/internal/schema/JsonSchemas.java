package com.browserbase.stagehand.internal.schema;

import com.browserbase.stagehand.internal.runtime.Checks;
import com.browserbase.stagehand.internal.runtime.Json;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * The JSON Schema of a Java type, for a typed {@code extract}: the shape the model must answer in, which Jackson then
 * reads into the type ({@link TypedResults}). Not API.
 *
 * <p>Only keywords the Stagehand server's JSON-Schema-to-zod conversion understands are used ({@code type}, {@code
 * properties}, {@code required}, {@code additionalProperties}, {@code items}, {@code enum}, {@code description},
 * {@code format}), all inlined: no {@code $ref}, so a recursive type cannot be described. The rules:
 *
 * <ul>
 *   <li>A class or record is an object of the properties Jackson reads into it ({@link BeanProperties}), each
 *       required unless it is an {@code Optional} (or {@code OptionalInt}, {@code OptionalLong}, {@code
 *       OptionalDouble}); {@code additionalProperties: false}; {@code @JsonPropertyDescription} and {@code
 *       @JsonClassDescription} become {@code description}.
 *   <li>Arrays and collections are arrays of their element.
 *   <li>{@code Map<String, V>} is an array of entries {@code {"key": "...", "value": <V>}} ({@link MapEntries}: the
 *       server would drop every key of an object schema without {@code properties}), read back by {@link MapResults}.
 *   <li>One-value types (numbers, strings, enums, {@code java.time}, {@code UUID}, {@code URI}): {@link
 *       ScalarSchemas}.
 *   <li>{@code Object}, {@code JsonNode}, a raw {@code Map} or {@code List}, a map with other keys than strings,
 *       abstract and polymorphic types, other JDK types and recursion are refused with an {@link
 *       IllegalArgumentException} naming the path, such as {@code Page.links[].target} ({@code []} an element,
 *       {@code .*} a map value).
 * </ul>
 *
 * <p>Each call builds a new tree, which the caller owns. {@link #ofResult} is the schema of the result once its maps
 * are objects again, which {@link SchemaCheck} checks.
 */
public final class JsonSchemas {
  /** The deepest nesting of classes described; deeper means a generic type that never ends. */
  static final int MAX_DEPTH = 64;

  /** The classes being described, innermost first: meeting one of them again is recursion. */
  private final Deque<JavaType> enclosing = new ArrayDeque<>();
  /** Whether a map is described as its entries (what is sent) or as an object (what is read). */
  private final boolean mapsAsEntries;

  private JsonSchemas(boolean mapsAsEntries) {
    this.mapsAsEntries = mapsAsEntries;
  }

  /** The schema of {@code type}, or {@link IllegalArgumentException} naming where and why it cannot be described. */
  public static ObjectNode of(JavaType type) {
    Checks.notNull(type, "type");
    return new JsonSchemas(true).schema(type, label(type));
  }

  /**
   * The schema of a result for {@code type} once {@link MapResults} has turned its maps' entries back into objects:
   * the same, but each map {@code {"type": "object", "additionalProperties": <V>}}.
   */
  static ObjectNode ofResult(JavaType type) {
    return new JsonSchemas(false).schema(type, label(type));
  }

  private ObjectNode schema(JavaType type, String path) {
    Class<?> raw = type.getRawClass();
    if (raw == Optional.class || type.isReferenceType()) {
      return schema(type.isReferenceType() ? type.getContentType() : type.containedTypeOrUnknown(0), path);
    }
    ObjectNode scalar = ScalarSchemas.of(raw);
    if (scalar != null) {
      return scalar;
    }
    if (type.isEnumType()) {
      return ScalarSchemas.ofEnum(raw, path);
    }
    if (type.isArrayType() || type.isCollectionLikeType()) {
      return Json.MAPPER.createObjectNode().put("type", "array")
          .set("items", schema(type.getContentType(), path + "[]"));
    }
    if (type.isMapLikeType()) {
      return map(type, path);
    }
    if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
      throw new IllegalArgumentException(cannot(path) + raw.getName()
          + " has no fixed shape; use a concrete type (for a generic class, pass a TypeReference)");
    }
    if (type.isAbstract() || type.isPrimitive()) {
      throw new IllegalArgumentException(cannot(path) + raw.getName()
          + " is abstract; Jackson can only read a concrete class");
    }
    if (raw.getName().startsWith("java.") || raw.getName().startsWith("javax.")) {
      throw new IllegalArgumentException(cannot(path) + raw.getName() + " is not supported; use strings,"
          + " numbers, booleans, enums, java.time types, UUID, URI, collections, Map<String, V>, Optional"
          + " or classes and records of these");
    }
    return object(type, path);
  }

  private ObjectNode map(JavaType type, String path) {
    if (!type.getKeyType().hasRawClass(String.class)) {
      throw new IllegalArgumentException(cannot(path) + label(type) + " has keys of type "
          + type.getKeyType().getRawClass().getName() + "; only Map<String, V> with a concrete V is supported");
    }
    ObjectNode values = schema(type.getContentType(), path + ".*");
    return mapsAsEntries ? MapEntries.schema(values)
        : Json.MAPPER.createObjectNode().put("type", "object").set("additionalProperties", values);
  }

  private ObjectNode object(JavaType type, String path) {
    if (enclosing.contains(type)) {
      throw new IllegalArgumentException(cannot(path) + "it refers back to " + label(type)
          + ", and recursive types cannot be described without $ref");
    }
    if (enclosing.size() == MAX_DEPTH) {
      throw new IllegalArgumentException(cannot(path) + "classes nest more than " + MAX_DEPTH + " deep");
    }
    enclosing.push(type);
    try {
      BeanProperties bean = BeanProperties.of(type, path);
      if (bean.properties.isEmpty()) {
        throw new IllegalArgumentException(cannot(path) + type.getRawClass().getName() + " has no property"
            + " Jackson can read: give it a creator, setters, or fields that Jackson sees");
      }
      ObjectNode properties = Json.MAPPER.createObjectNode();
      ArrayNode required = Json.MAPPER.createArrayNode();
      for (BeanProperties.Property property : bean.properties) {
        ObjectNode schema = schema(property.type, path + "." + property.name);
        describe(schema, property.description);
        properties.set(property.name, schema);
        if (property.required()) {
          required.add(property.name);
        }
      }
      ObjectNode schema = Json.MAPPER.createObjectNode().put("type", "object");
      describe(schema, bean.description);
      schema.set("properties", properties);
      schema.set("required", required);
      schema.put("additionalProperties", false);
      return schema;
    } finally {
      enclosing.pop();
    }
  }

  /**
   * Sets a description: a property's own replaces its type's, except a hint the model still needs, which follows in
   * parentheses: a string's format ("an ISO 8601 date, like 2024-03-31") or a map's entries (no other array has one).
   */
  private static void describe(ObjectNode schema, String description) {
    if (description == null || description.isEmpty()) {
      return;
    }
    JsonNode hint = schema.get("description");
    String type = schema.path("type").asText();
    boolean keepHint = hint != null && ("string".equals(type) || "array".equals(type));
    schema.put("description", keepHint ? description + " (" + hint.asText() + ")" : description);
  }

  /** The start of every refusal: {@code "Cannot make a JSON Schema for Page.links[].target: "}. */
  static String cannot(String path) {
    return "Cannot make a JSON Schema for " + path + ": ";
  }

  /** A type as Java source writes it, with simple names: {@code Map<String, List<Page>>}, {@code int[]}. */
  static String label(JavaType type) {
    if (type.isArrayType()) {
      return label(type.getContentType()) + "[]";
    }
    StringBuilder label = new StringBuilder(type.getRawClass().getSimpleName());
    for (int i = 0; i < type.containedTypeCount(); i++) {
      label.append(i == 0 ? "<" : ", ").append(label(type.containedType(i)));
    }
    return type.containedTypeCount() > 0 ? label.append('>').toString() : label.toString();
  }
}
