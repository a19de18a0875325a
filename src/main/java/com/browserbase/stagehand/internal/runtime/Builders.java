package com.browserbase.stagehand.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every model's builder shares: the collections it fills one element at a time, created on first use, and the
 * copies {@code toBuilder()} starts from. Null checks stay with the caller, who knows the argument's name. Not API.
 */
public final class Builders {
  private Builders() {}

  /** Adds an element to a builder's list, creating the list when it is {@code null}. */
  public static <T> List<T> add(List<T> list, T element) {
    List<T> result = list != null ? list : new ArrayList<T>();
    result.add(element);
    return result;
  }

  /** Puts an entry into a builder's map, creating the map (in insertion order) when it is {@code null}. */
  public static <V> Map<String, V> put(Map<String, V> map, String key, V value) {
    Map<String, V> result = map != null ? map : new LinkedHashMap<String, V>();
    result.put(key, value);
    return result;
  }

  /** Puts a property read from JSON, a JSON {@code null} kept as {@link NullNode}. */
  public static Map<String, JsonNode> putJson(Map<String, JsonNode> map, String key, JsonNode value) {
    return put(map, key, value != null ? value : NullNode.getInstance());
  }

  /** Removes an entry from a builder's map, which may be {@code null}. */
  public static void remove(Map<String, ?> map, String key) {
    if (map != null) {
      map.remove(key);
    }
  }

  /** A mutable copy of a built object's list for its builder, {@code null} staying {@code null}. */
  public static <T> List<T> mutable(List<T> list) {
    return list == null ? null : new ArrayList<>(list);
  }

  /** A mutable copy of a built object's map for its builder, {@code null} staying {@code null}. */
  public static <V> Map<String, V> mutable(Map<String, V> map) {
    return map == null ? null : new LinkedHashMap<>(map);
  }
}
