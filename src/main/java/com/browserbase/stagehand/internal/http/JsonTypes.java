package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.core.OpenEnum;
import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.internal.runtime.JsonModel;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Checks that the JSON of a response has the JSON types its model expects ({@code "message": 42}
 * where a string belongs), which lenient reading would otherwise coerce. Used only when response
 * validation is on. Not API.
 */
final class JsonTypes {
  /** The types of each model class's annotated properties, by JSON name, found once. */
  private static final ClassValue<Map<String, Type>> PROPERTIES = new ClassValue<Map<String, Type>>() {
    @Override
    protected Map<String, Type> computeValue(Class<?> type) {
      Map<String, Type> properties = new LinkedHashMap<>();
      for (Field field : type.getDeclaredFields()) {
        JsonProperty json = field.getAnnotation(JsonProperty.class);
        if (json != null) {
          properties.put(json.value(), field.getGenericType());
        }
      }
      return Collections.unmodifiableMap(properties);
    }
  };

  private JsonTypes() {}

  /** Throws {@link StagehandInvalidDataException} naming the first property of the wrong JSON type. */
  static void check(JsonNode node, Class<?> model) {
    checkObject(node, model, "");
  }

  private static void checkObject(JsonNode node, Class<?> model, String path) {
    for (Map.Entry<String, Type> property : PROPERTIES.get(model).entrySet()) {
      JsonNode value = node.get(property.getKey());
      if (value != null && !value.isNull()) {
        checkValue(value, property.getValue(), path + property.getKey());
      }
    }
  }

  private static void checkValue(JsonNode value, Type type, String path) {
    Class<?> raw = rawClass(type);
    if (raw == String.class || OpenEnum.class.isAssignableFrom(raw)) {
      expect(value.isTextual(), value, "a string", path);
    } else if (raw == Boolean.class) {
      expect(value.isBoolean(), value, "a boolean", path);
    } else if (Number.class.isAssignableFrom(raw)) {
      expect(value.isNumber(), value, "a number", path);
    } else if (List.class.isAssignableFrom(raw)) {
      expect(value.isArray(), value, "an array", path);
      Type element = typeArgument(type, 0);
      for (int i = 0; i < value.size(); i++) {
        checkValue(value.get(i), element, path + "[" + i + "]");
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      expect(value.isObject(), value, "an object", path);
      Type element = typeArgument(type, 1);
      // fieldNames(), not properties() (Jackson 2.15+): the SDK runs on Jackson 2.12 and newer.
      for (Iterator<String> names = value.fieldNames(); names.hasNext(); ) {
        String name = names.next();
        checkValue(value.get(name), element, path + "." + name);
      }
    } else if (raw.isAnnotationPresent(JsonModel.class)) {
      expect(value.isObject(), value, "an object", path);
      checkObject(value, raw, path + ".");
    }
    // JsonNode, unions (Object) and self-describing values (VariableValue) take any JSON.
  }

  private static void expect(boolean ok, JsonNode value, String expected, String path) {
    if (!ok) {
      throw new StagehandInvalidDataException(
          path + " should be " + expected + " but is " + value.getNodeType().name().toLowerCase(Locale.ROOT)
              + " " + abbreviate(value.toString()));
    }
  }

  private static String abbreviate(String text) {
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class) {
      return (Class<?>) type;
    }
    if (type instanceof ParameterizedType) {
      return (Class<?>) ((ParameterizedType) type).getRawType();
    }
    return Object.class;
  }

  private static Type typeArgument(Type type, int index) {
    return type instanceof ParameterizedType ? ((ParameterizedType) type).getActualTypeArguments()[index] : Object.class;
  }
}
