package com.browserbase.stagehand.internal.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * How a problem with a typed extract's result says where it is ({@code "at links[1].count: "}, the JSON path as
 * {@code Json.describe} gives it, {@code ""} for the root) and what was found there, abbreviated. Not API.
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
