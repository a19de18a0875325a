package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.internal.runtime.Checks;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of a variable: a text, number or boolean, optionally with a description the model sees.
 * Sent as the bare value, or as {@code {"value": ..., "description": ...}} when it has a description.
 * Values are treated as secrets: {@link #toString()} never shows them.
 */
public final class VariableValue {
  private final Object value;
  private final String description;

  private VariableValue(Object value, String description) {
    this.value = value;
    this.description = description;
  }

  /** A text value. */
  public static VariableValue of(String value) {
    return new VariableValue(Checks.notNull(value, "value"), null);
  }

  /** A number value. Integral numbers are held as {@link Long}, others as {@link Double}. */
  public static VariableValue of(Number value) {
    return new VariableValue(normalize(Checks.notNull(value, "value")), null);
  }

  /** One representation per number, so that equal values are equal whatever their Java type. */
  private static Number normalize(Number number) {
    if (number instanceof Byte || number instanceof Short || number instanceof Integer || number instanceof Long) {
      return number.longValue();
    }
    if (number instanceof Float || number instanceof Double) {
      double d = number.doubleValue();
      return d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15 ? (Number) (long) d : (Number) d;
    }
    return number; // BigInteger, BigDecimal: kept exactly
  }

  /** A boolean value. */
  public static VariableValue of(boolean value) {
    return new VariableValue(value, null);
  }

  /** A copy of this value with a description the model sees (the value stays hidden from it). */
  public VariableValue withDescription(String description) {
    return new VariableValue(value, Checks.notNull(description, "description"));
  }

  /** The value: a {@link String}, {@link Number} or {@link Boolean}. */
  public Object value() {
    return value;
  }

  /** The description, when there is one. */
  public Optional<String> description() {
    return Optional.ofNullable(description);
  }

  @JsonValue
  private Object toJson() {
    if (description == null) {
      return value;
    }
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("value", value);
    object.put("description", description);
    return object;
  }

  @JsonCreator
  private static VariableValue fromJson(JsonNode node) {
    JsonNode valueNode = node.isObject() && node.has("value") ? node.get("value") : node;
    Object value;
    if (valueNode.isTextual()) {
      value = valueNode.textValue();
    } else if (valueNode.isNumber()) {
      value = normalize(valueNode.numberValue());
    } else if (valueNode.isBoolean()) {
      value = valueNode.booleanValue();
    } else {
      value = valueNode; // a form this SDK version does not know: kept as it came
    }
    JsonNode descriptionNode = node.isObject() ? node.get("description") : null;
    return new VariableValue(value, descriptionNode != null ? descriptionNode.asText() : null);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof VariableValue)) {
      return false;
    }
    VariableValue that = (VariableValue) o;
    return value.equals(that.value) && Objects.equals(description, that.description);
  }

  @Override
  public int hashCode() {
    return Objects.hash(value, description);
  }

  /** Shows the description, never the value. */
  @Override
  public String toString() {
    return description == null ? "***" : "*** (" + description + ")";
  }
}
