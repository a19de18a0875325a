package com.browserbase.stagehand.internal.schema;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns each map of a typed extract's result from the entries it was asked in ({@link MapEntries}) back into the JSON
 * object of a map, walking the type and the result together: a map at the top, in a collection, among another map's
 * values, in a property of a class. A map that arrives as an object already is taken as it is; whatever else does not
 * fit the type is left for {@link SchemaCheck}. Changes the tree it is given. Not API.
 */
final class MapResults {
  private MapResults() {}

  /** {@code result} with its maps as objects: the tree changed in place, or a new object for a map at the top. */
  static JsonNode objects(JsonNode result, JavaType type) throws MapEntries.BadEntries {
    return read(result, type, "");
  }

  /** Whether {@code type}, or the type an {@code Optional} of it holds, is a map. */
  static boolean isMap(JavaType type) {
    JavaType held = held(type);
    return held != null ? isMap(held) : type.isMapLikeType();
  }

  private static JsonNode read(JsonNode value, JavaType type, String path) throws MapEntries.BadEntries {
    if (value == null || value.isNull() || value.isMissingNode()) {
      return value;
    }
    JavaType held = held(type);
    if (held != null) {
      return read(value, held, path);
    }
    if (type.isMapLikeType()) {
      return map(value, type.getContentType(), path);
    }
    if ((type.isArrayType() || type.isCollectionLikeType()) && value.isArray()) {
      ArrayNode array = (ArrayNode) value;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, read(array.get(i), type.getContentType(), ProblemText.element(path, i)));
      }
    } else if (isClass(type) && value.isObject()) {
      ObjectNode object = (ObjectNode) value;
      for (BeanProperties.Property property : BeanProperties.of(type, JsonSchemas.label(type)).properties) {
        JsonNode child = object.get(property.name);
        if (child != null) {
          object.set(property.name, read(child, property.type, ProblemText.child(path, property.name)));
        }
      }
    }
    return value;
  }

  private static JsonNode map(JsonNode value, JavaType values, String path) throws MapEntries.BadEntries {
    ObjectNode object;
    if (value.isArray()) {
      object = MapEntries.object((ArrayNode) value, path);
    } else if (value.isObject()) {
      object = (ObjectNode) value;
    } else {
      return value;
    }
    List<String> keys = new ArrayList<>();
    object.fieldNames().forEachRemaining(keys::add);
    for (String key : keys) {
      object.set(key, read(object.get(key), values, ProblemText.child(path, key)));
    }
    return object;
  }

  /** The type an {@code Optional} (or another reference type) holds; {@code null} for any other type. */
  private static JavaType held(JavaType type) {
    if (type.isReferenceType()) {
      return type.getContentType();
    }
    return type.getRawClass() == Optional.class ? type.containedTypeOrUnknown(0) : null;
  }

  /** Whether {@code type} is a class or record of properties: not a one-value type, which are all JDK types or enums. */
  private static boolean isClass(JavaType type) {
    Class<?> raw = type.getRawClass();
    return !type.isPrimitive() && !type.isEnumType() && !raw.getName().startsWith("java.")
        && !raw.getName().startsWith("javax.");
  }
}
