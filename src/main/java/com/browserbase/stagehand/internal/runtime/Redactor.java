package com.browserbase.stagehand.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Masks secrets in JSON bodies before they are logged. Not API. */
public final class Redactor {
  /** Properties whose value is a secret wherever they appear. */
  private static final Set<String> SECRET_KEYS = new HashSet<>(Arrays.asList(
      "apiKey", "api_key", "private_key", "privateKey", "token", "password", "secret",
      "authorization", "x-bb-api-key", "x-model-api-key"));
  /** Properties whose every value is a secret, keys kept: variables and header maps. */
  private static final Set<String> SECRET_VALUE_MAPS = new HashSet<>(Arrays.asList(
      "variables", "headers", "cdpHeaders"));
  /** Properties holding URLs whose query may carry a signing key. */
  private static final Set<String> SIGNED_URLS = new HashSet<>(Arrays.asList("cdpUrl", "connectUrl"));
  private static final TextNode MASK = TextNode.valueOf(ToString.REDACTED);

  private Redactor() {}

  /** The body with secrets masked; a body that is not JSON is replaced by a length note. */
  public static String redact(String body) {
    if (body == null || body.isEmpty()) {
      return "";
    }
    try {
      JsonNode tree = Json.MAPPER.readTree(body);
      if (tree == null) {
        return "";
      }
      mask(tree);
      return tree.toString();
    } catch (Exception notJson) {
      return "(" + body.length() + " characters, not JSON)";
    }
  }

  /** The URL with its query, if any, replaced by {@code ***}. */
  public static String maskQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query + 1) + ToString.REDACTED;
  }

  private static void mask(JsonNode node) {
    if (node.isArray()) {
      for (JsonNode element : node) {
        mask(element);
      }
    } else if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      // Names first, then replace(): properties() is Jackson 2.15+, and the SDK runs on 2.12 and newer.
      for (String key : names(object)) {
        JsonNode value = object.get(key);
        if (SECRET_KEYS.contains(key)) {
          object.replace(key, MASK);
        } else if (SIGNED_URLS.contains(key) && value.isTextual()) {
          object.replace(key, TextNode.valueOf(maskQuery(value.textValue())));
        } else if (SECRET_VALUE_MAPS.contains(key) && value.isObject()) {
          ObjectNode values = (ObjectNode) value;
          for (String name : names(values)) {
            values.replace(name, MASK);
          }
        } else {
          mask(value);
        }
      }
    }
  }

  private static List<String> names(ObjectNode object) {
    List<String> names = new ArrayList<>(object.size());
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
