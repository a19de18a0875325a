package com.browserbase.stagehand.internal.schema;

import com.browserbase.stagehand.internal.runtime.Json;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The JSON Schemas of the types that are one JSON value: strings, numbers, booleans, enums and the {@code java.time},
 * {@link UUID} and URI types Jackson reads from text. A {@code java.time} schema carries its {@code format} and a
 * {@code description} saying the same in words: the server's zod keeps a string's description but drops every format
 * but {@code uri}, {@code email} and {@code uuid}, so the description is what tells the model to write, say, {@code
 * 2024-03-31} rather than {@code March 31}. Not API.
 */
final class ScalarSchemas {
  private static final Map<Class<?>, ObjectNode> SCHEMAS = schemas();

  private ScalarSchemas() {}

  private static Map<Class<?>, ObjectNode> schemas() {
    Map<Class<?>, ObjectNode> schemas = new HashMap<>();
    put(schemas, type("string"), String.class, char.class, Character.class);
    put(schemas, type("boolean"), boolean.class, Boolean.class);
    put(schemas, type("integer"),
        int.class, Integer.class, long.class, Long.class, short.class, Short.class, byte.class, Byte.class,
        BigInteger.class, OptionalInt.class, OptionalLong.class);
    put(schemas, type("number"),
        double.class, Double.class, float.class, Float.class, BigDecimal.class, Number.class, OptionalDouble.class);
    put(schemas, text("date-time", "an ISO 8601 date and time with offset, like 2024-03-31T14:30:00Z"),
        Instant.class, OffsetDateTime.class, ZonedDateTime.class);
    put(schemas, text("date", "an ISO 8601 date, like 2024-03-31"), LocalDate.class);
    put(schemas, text("time", "an ISO 8601 time, like 14:30:00"), LocalTime.class);
    put(schemas, text("time", "an ISO 8601 time with offset, like 14:30:00+01:00"), OffsetTime.class);
    put(schemas, text(null, "an ISO 8601 date and time without offset, like 2024-03-31T14:30:00"),
        LocalDateTime.class);
    put(schemas, text(null, "an ISO 8601 year and month, like 2024-03"), YearMonth.class);
    put(schemas, text("duration", "an ISO 8601 duration in days, hours, minutes and seconds, like PT1H30M"),
        Duration.class);
    put(schemas, text("uuid", null), UUID.class);
    put(schemas, text("uri", null), URI.class, URL.class);
    return Collections.unmodifiableMap(schemas);
  }

  private static void put(Map<Class<?>, ObjectNode> schemas, ObjectNode schema, Class<?>... types) {
    for (Class<?> type : types) {
      schemas.put(type, schema);
    }
  }

  private static ObjectNode type(String type) {
    return Json.MAPPER.createObjectNode().put("type", type);
  }

  private static ObjectNode text(String format, String description) {
    ObjectNode schema = type("string");
    if (format != null) {
      schema.put("format", format);
    }
    if (description != null) {
      schema.put("description", description);
    }
    return schema;
  }

  /** The schema of a one-value type, a new node the caller may change; {@code null} for any other type. */
  static ObjectNode of(Class<?> type) {
    ObjectNode schema = SCHEMAS.get(type);
    return schema != null ? schema.deepCopy() : null;
  }

  /**
   * The schema of an enum: its constants as Jackson writes (and reads) them, so {@code @JsonProperty} and {@code
   * @JsonValue} count; {@link IllegalArgumentException} naming the first one Jackson does not write as a string.
   */
  static ObjectNode ofEnum(Class<?> type, String path) {
    ArrayNode names = Json.MAPPER.createArrayNode();
    for (Object constant : type.getEnumConstants()) {
      JsonNode name = Json.MAPPER.valueToTree(constant);
      if (!name.isTextual()) {
        throw new IllegalArgumentException(JsonSchemas.cannot(path) + "enum " + type.getName() + " writes "
            + ((Enum<?>) constant).name() + " as " + name + ", not as a string");
      }
      names.add(name);
    }
    ObjectNode schema = type("string");
    schema.set("enum", names);
    return schema;
  }
}
