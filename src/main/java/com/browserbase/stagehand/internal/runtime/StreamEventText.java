package com.browserbase.stagehand.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * The text of a stream event's log line and error, which the real server sends in more shapes than the spec says: a
 * log line as {@code {"category", "message", "level", "auxiliary"}}, a failed validation as a list of {@code {path,
 * message}}. Not API.
 */
public final class StreamEventText {
  private StreamEventText() {}

  /** The error text; a list of validation issues reads as {@code path: message; path: message}. */
  public static Optional<String> error(JsonNode error) {
    if (error == null) {
      return Optional.empty();
    }
    if (error.isTextual()) {
      return Optional.of(error.textValue());
    }
    if (error.isArray()) {
      StringBuilder text = new StringBuilder();
      for (JsonNode issue : error) {
        if (text.length() > 0) {
          text.append("; ");
        }
        String path = issue.path("path").isArray() ? joinPath(issue.get("path")) : issue.path("path").asText("");
        text.append(path.isEmpty() ? "" : path + ": ").append(issue.path("message").asText(issue.toString()));
      }
      return Optional.of(text.toString());
    }
    return Optional.of(error.isObject() && error.has("message") ? error.get("message").asText() : error.toString());
  }

  /** The log text, of a string or of a structured line. */
  public static Optional<String> message(JsonNode message) {
    if (message == null) {
      return Optional.empty();
    }
    if (message.isObject()) {
      JsonNode text = message.get("message");
      return Optional.of(text != null ? text.asText() : message.toString());
    }
    return Optional.of(message.asText());
  }

  /** The level of a structured log line. */
  public static Optional<Integer> level(JsonNode message) {
    JsonNode level = message != null ? message.get("level") : null;
    return level != null && level.canConvertToInt() ? Optional.of(level.intValue()) : Optional.<Integer>empty();
  }

  /** The category of a structured log line. */
  public static Optional<String> category(JsonNode message) {
    JsonNode category = message != null ? message.get("category") : null;
    return category != null && category.isTextual() ? Optional.of(category.textValue()) : Optional.<String>empty();
  }

  private static String joinPath(JsonNode path) {
    StringBuilder joined = new StringBuilder();
    for (JsonNode part : path) {
      joined.append(joined.length() > 0 ? "." : "").append(part.asText());
    }
    return joined.toString();
  }
}
