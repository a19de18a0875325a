package com.browserbase.stagehand.models.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.internal.runtime.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.UncheckedIOException;
import java.util.Comparator;

/** JSON helpers of the model tests: parsing with the SDK's mapper and comparing trees. */
final class TestJson {
  /** Numbers compare by value (2500 equals 2500.0), everything else by equals. */
  private static final Comparator<JsonNode> SAME_VALUE = (a, b) -> {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue());
    }
    return 1;
  };

  private TestJson() {}

  static <T> T parse(String json, Class<T> type) {
    try {
      return Json.MAPPER.readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode tree(String json) {
    try {
      return Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The object as the SDK writes it, read back as a tree. */
  static JsonNode written(Object value) {
    return tree(Json.write(value));
  }

  /** Serializes with the SDK's mapper and parses the result again as {@code type}. */
  @SuppressWarnings("unchecked")
  static <T> T roundTrip(T value) {
    return (T) parse(Json.write(value), value.getClass());
  }

  /** Asserts that {@code value} serializes to exactly the properties and values of {@code expectedJson}. */
  static void assertWritesJson(Object value, String expectedJson) {
    assertSameJson(written(value), tree(expectedJson));
  }

  static void assertSameJson(JsonNode actual, JsonNode expected) {
    if (!actual.equals(SAME_VALUE, expected)) {
      assertThat(actual.toPrettyString()).isEqualTo(expected.toPrettyString());
      // Same text but different trees (e.g. "1" vs 1): fail with both.
      assertThat(actual).isEqualTo(expected);
    }
  }
}
