package com.browserbase.stagehand.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Map;
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
      for (Map.Entry<String, JsonNode> field : object.properties()) {
        String key = field.getKey();
        if (SECRET_KEYS.contains(key)) {
          field.setValue(MASK);
        } else if (SIGNED_URLS.contains(key) && field.getValue().isTextual()) {
          field.setValue(TextNode.valueOf(maskQuery(field.getValue().textValue())));
        } else if (SECRET_VALUE_MAPS.contains(key) && field.getValue().isObject()) {
          for (Map.Entry<String, JsonNode> entry : field.getValue().properties()) {
            entry.setValue(MASK);
          }
        } else {
          mask(field.getValue());
        }
      }
    }
  }
}
