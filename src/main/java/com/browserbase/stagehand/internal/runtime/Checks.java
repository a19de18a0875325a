package com.browserbase.stagehand.internal.runtime;

import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Argument checks and defensive copies shared by the models. Not API. */
public final class Checks {
  private Checks() {}

  /** Rejects a {@code null} argument with {@code "name == null"}. */
  public static <T> T notNull(T value, String name) {
    if (value == null) {
      throw new NullPointerException(name + " == null");
    }
    return value;
  }

  /** Rejects a {@code null} or empty string, naming it. */
  public static String nonEmpty(String value, String name) {
    if (notNull(value, name).isEmpty()) {
      throw new IllegalArgumentException(name + " must not be empty");
    }
    return value;
  }

  /** Throws {@link IllegalStateException} naming {@code field} when a required value was not set. */
  public static void required(Object value, String type, String field) {
    if (value == null) {
      throw new IllegalStateException(type + "." + field + " is required but was not set");
    }
  }

  /** Returns a required value read from the server, or says which one is missing. */
  public static <T> T present(T value, String type, String field) {
    if (value == null) {
      throw new StagehandInvalidDataException(type + "." + field + " is missing from the response");
    }
    return value;
  }

  /** Throws {@link IllegalArgumentException} naming {@code field} when a number is negative. */
  public static <T extends Number> T nonNegative(T value, String field) {
    if (value != null && value.doubleValue() < 0) {
      throw new IllegalArgumentException(field + " must not be negative, was " + value);
    }
    return value;
  }

  /** Unmodifiable copy of a list, {@code null} staying {@code null}; rejects null elements. */
  public static <T> List<T> copy(List<T> list, String field) {
    if (list == null) {
      return null;
    }
    List<T> copy = new ArrayList<>(list);
    if (copy.contains(null)) {
      throw new NullPointerException(field + " contains null");
    }
    return Collections.unmodifiableList(copy);
  }

  /** Unmodifiable copy of a map preserving order, {@code null} staying {@code null}. */
  public static <V> Map<String, V> copy(Map<String, V> map, String field) {
    if (map == null) {
      return null;
    }
    Map<String, V> copy = new LinkedHashMap<>(map);
    if (copy.containsKey(null) || copy.containsValue(null)) {
      throw new NullPointerException(field + " contains null");
    }
    return Collections.unmodifiableMap(copy);
  }

  /** The additional properties of a model: never {@code null}, unmodifiable. */
  public static Map<String, JsonNode> additional(Map<String, JsonNode> map) {
    return map == null || map.isEmpty()
        ? Collections.<String, JsonNode>emptyMap()
        : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** A list accessor's value: the list, or an empty list when it was not set. */
  public static <T> List<T> orEmpty(List<T> list) {
    return list != null ? list : Collections.<T>emptyList();
  }

  /** A map accessor's value: the map, or an empty map when it was not set. */
  public static <V> Map<String, V> orEmpty(Map<String, V> map) {
    return map != null ? map : Collections.<String, V>emptyMap();
  }
}
