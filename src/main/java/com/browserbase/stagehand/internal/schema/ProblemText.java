package com.browserbase.stagehand.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a problem with a typed extract's result says where it is and what was found there:
 * {@code "at links[1].count: "} and an abbreviated value. The path is the JSON path in the form
 * {@link com.browserbase.stagehand.internal.runtime.Json#describe} gives, {@code ""} for the root. Not API.
 */
final class ProblemText {
  private ProblemText() {}

  /** The path of a property or map key: {@code links[1].count}, or just {@code count} at the root. */
  static String child(String path, String name) {
    return path.isEmpty() ? name : path + "." + name;
  }

  /** The path of an array element: {@code links[1]}. */
  static String element(String path, int index) {
    return path + "[" + index + "]";
  }

  /** The start of a problem: {@code "at links[1]: "}, nothing for the root. */
  static String at(String path) {
    return path.isEmpty() ? "" : "at " + path + ": ";
  }

  /** A value as JSON, cut after 60 characters. */
  static String abbreviate(JsonNode value) {
    String text = value.toString();
    return text.length() > 60 ? text.substring(0, 60) + "..." : text;
  }
}
