package com.browserbase.stagehand.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers for the request parameter classes. Not API. */
public final class Params {
  private Params() {}

  /** Checks the session id of a request: set and not empty. */
  public static void requireId(String id) {
    if (id == null) {
      throw new IllegalStateException("id (the session id) is required but was not set");
    }
    if (id.isEmpty()) {
      throw new IllegalStateException("id (the session id) must not be empty");
    }
    if (id.equals(".") || id.equals("..")) {
      // URLs resolve these segments away (even percent-encoded), so no request could reach the session.
      throw new IllegalStateException("id (the session id) must not be \"" + id + "\"");
    }
  }

  /**
   * Checks the name of an additional body property of an operation that can stream: not {@code streamResponse}, as
   * the method called ({@code method} or its {@code ...Streaming} twin) decides whether the answer streams.
   */
  public static String bodyPropertyName(String name, String method) {
    Checks.notNull(name, "name");
    if (name.equals("streamResponse")) {
      throw new IllegalArgumentException("streamResponse cannot be set as a body property: the method called decides"
          + " whether the answer streams; call " + method + "Streaming(...) instead of " + method + "(...)");
    }
    return name;
  }

  /** Checks that {@code value} lies within {@code [min, max]}. */
  public static int oneOf(int value, String field, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be between " + min + " and " + max + ", was " + value);
    }
    return value;
  }

  /** Adds a value to a multi-valued map, creating it when needed. */
  public static Map<String, List<String>> put(Map<String, List<String>> map, String name, String value) {
    Map<String, List<String>> result = map != null ? map : new LinkedHashMap<String, List<String>>();
    result.computeIfAbsent(name, first -> new ArrayList<>(1)).add(value);
    return result;
  }

  /** An unmodifiable deep copy of a multi-valued map; never null. */
  public static Map<String, List<String>> copyMulti(Map<String, List<String>> map) {
    if (map == null || map.isEmpty()) {
      return Collections.emptyMap();
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    map.forEach((name, values) -> copy.put(name, Collections.unmodifiableList(new ArrayList<>(values))));
    return Collections.unmodifiableMap(copy);
  }

  /** A mutable deep copy of a multi-valued map, or {@code null} when it is empty. */
  public static Map<String, List<String>> mutableMulti(Map<String, List<String>> map) {
    if (map.isEmpty()) {
      return null;
    }
    Map<String, List<String>> copy = new LinkedHashMap<>();
    map.forEach((name, values) -> copy.put(name, new ArrayList<>(values)));
    return copy;
  }

  /** Converts every value of a map to a JSON tree, keeping the order. */
  public static Map<String, JsonNode> toTrees(Map<String, ?> map) {
    Map<String, JsonNode> trees = new LinkedHashMap<>();
    map.forEach((key, value) -> trees.put(Checks.notNull(key, "key"), Json.toTree(value)));
    return trees;
  }
}
