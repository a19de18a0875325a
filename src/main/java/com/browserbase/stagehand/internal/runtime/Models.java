package com.browserbase.stagehand.internal.runtime;

import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What every model shares, read from its fields (found once per class), so that a model's {@code equals}, {@code
 * hashCode}, {@code toString} and {@code validate} are one line each. Not API.
 *
 * <ul>
 *   <li>Equality and hash code take every instance field, in declaration order ({@code Objects.hash} of them).
 *   <li>{@code toString()} shows each field that is set, by its Java name; a {@link Secret} field as {@link
 *       Secret.Show} says; a field outside the JSON body (the session id, the additional headers and properties)
 *       not at all when it is an empty map.
 *   <li>{@code validate()} checks that each {@code @JsonProperty(required = true)} is present, that a union (a field
 *       declared {@code Object}) holds a known form rather than the raw JSON it was read as, and then every nested
 *       model, also in lists, naming a problem by its JSON path ({@code data.result.actions[0].selector}).
 * </ul>
 */
public final class Models {
  private static final ClassValue<Property[]> PROPERTIES = new ClassValue<Property[]>() {
    @Override
    protected Property[] computeValue(Class<?> type) {
      List<Property> properties = new ArrayList<>();
      for (Field field : type.getDeclaredFields()) {
        if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
          field.setAccessible(true);
          properties.add(new Property(field));
        }
      }
      return properties.toArray(new Property[0]);
    }
  };

  private static final class Property {
    final Field field;
    /** The JSON name, or {@code null} for a field outside the body. */
    final String json;
    final boolean required;
    final boolean union;
    final Secret.Show secret;

    Property(Field field) {
      this.field = field;
      JsonProperty property = field.getAnnotation(JsonProperty.class);
      this.json = property != null ? property.value() : null;
      this.required = property != null && property.required();
      this.union = field.getType() == Object.class;
      Secret secret = field.getAnnotation(Secret.class);
      this.secret = secret != null ? secret.value() : null;
    }

    Object get(Object model) {
      try {
        return field.get(model);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Cannot read " + field, e);
      }
    }
  }

  private Models() {}

  /** {@code model.equals(other)}: the same class and equal fields. */
  public static boolean equal(Object model, Object other) {
    if (other == model) {
      return true;
    }
    if (other == null || other.getClass() != model.getClass()) {
      return false;
    }
    for (Property property : PROPERTIES.get(model.getClass())) {
      if (!Objects.equals(property.get(model), property.get(other))) {
        return false;
      }
    }
    return true;
  }

  /** {@code model.hashCode()}: {@code Objects.hash} of its fields. */
  public static int hash(Object model) {
    return Arrays.hashCode(Arrays.stream(PROPERTIES.get(model.getClass())).map(field -> field.get(model)).toArray());
  }

  /** {@code model.toString()}: {@code Type{a=1, b=x}} with the set values; secrets masked. */
  @SuppressWarnings("unchecked") // a KEYS secret is a map keyed by name
  public static String toString(Object model) {
    ToString string = ToString.of(model.getClass().getSimpleName());
    for (Property property : PROPERTIES.get(model.getClass())) {
      Object value = property.get(model);
      String name = property.field.getName();
      if (property.json == null && value instanceof Map && ((Map<?, ?>) value).isEmpty()) {
        continue;
      }
      if (property.secret == null) {
        string.add(name, value);
      } else if (property.secret == Secret.Show.KEYS) {
        string.secretValues(name, (Map<String, ?>) value);
      } else if (property.secret == Secret.Show.URL_WITHOUT_QUERY) {
        string.url(name, (String) value);
      } else if (property.secret == Secret.Show.URL_SECRET_PARAMS) {
        string.urlParams(name, (String) value);
      } else if (property.secret == Secret.Show.ELEMENTS) {
        string.elements(name, (java.util.Collection<?>) value);
      } else {
        string.secret(name, value);
      }
    }
    return string.toString();
  }

  /** What {@link #secrets} hands on, one value at a time. */
  public interface SecretValues {
    /**
     * @param show how the field holding the value is marked
     * @param name the key of a value in a {@link Secret.Show#KEYS} map, else the field's JSON name
     * @param value the value: the field's, or one value of its map (each element of a list of values)
     */
    void accept(Secret.Show show, String name, Object value);
  }

  /**
   * Hands every value of a {@link Secret} field in {@code value} — a model, or a list or map of them
   * — and in the models it holds to {@code out}: what a call's request carries that must not show in
   * its logs and messages. Reads the fields, as {@code toString()} does; made only when needed.
   */
  public static void secrets(Object value, SecretValues out) {
    if (value instanceof List) {
      for (Object element : (List<?>) value) {
        secrets(element, out);
      }
    } else if (value instanceof Map) {
      for (Object element : ((Map<?, ?>) value).values()) {
        secrets(element, out);
      }
    } else if (value != null && value.getClass().isAnnotationPresent(JsonModel.class)) {
      for (Property property : PROPERTIES.get(value.getClass())) {
        Object field = property.get(value);
        if (field == null) {
          continue;
        }
        if (property.secret == null) {
          secrets(field, out);
        } else if (property.secret == Secret.Show.KEYS && field instanceof Map) {
          ((Map<?, ?>) field).forEach((key, values) -> {
            for (Object each : values instanceof List ? (List<?>) values : Collections.singletonList(values)) {
              out.accept(Secret.Show.KEYS, String.valueOf(key), each);
            }
          });
        } else {
          out.accept(property.secret, property.json != null ? property.json : property.field.getName(), field);
        }
      }
    }
  }

  /** {@code model.validate()}: the model, or {@link StagehandInvalidDataException} naming the first problem's path. */
  public static <T> T validate(T model) {
    validateAt(model, "");
    return model;
  }

  private static void validateAt(Object model, String path) {
    String type = model.getClass().getSimpleName();
    for (Property property : PROPERTIES.get(model.getClass())) {
      if (property.json == null) {
        continue;
      }
      Object value = property.get(model);
      if (property.required && value == null) {
        throw new StagehandInvalidDataException(
            path + property.json + " (" + type + "." + property.json + ") is missing from the response");
      }
      if (property.union && value instanceof JsonNode) { // kept raw: none of the forms the union knows
        throw new StagehandInvalidDataException(
            path + property.json + " has a form this SDK version does not know: " + value);
      }
      if (value instanceof List) {
        List<?> list = (List<?>) value;
        for (int i = 0; i < list.size(); i++) {
          validateNested(list.get(i), path + property.json + "[" + i + "].");
        }
      } else {
        validateNested(value, path + property.json + ".");
      }
    }
  }

  private static void validateNested(Object value, String path) {
    if (value != null && value.getClass().isAnnotationPresent(JsonModel.class)) {
      validateAt(value, path);
    }
  }

  /** A union's accessor for one form: the value when it has that form. */
  @SuppressWarnings("unchecked") // the form's type is checked; its type arguments are the setter's
  public static <T> Optional<T> form(Object value, Class<? super T> form) {
    return form.isInstance(value) ? Optional.of((T) value) : Optional.<T>empty();
  }

  /** A JSON value's accessor: empty when it is not set or is JSON {@code null}. */
  public static Optional<JsonNode> json(JsonNode value) {
    return value == null || value.isNull() ? Optional.<JsonNode>empty() : Optional.of(value);
  }
}
