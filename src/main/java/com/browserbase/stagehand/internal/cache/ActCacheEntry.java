package com.browserbase.stagehand.internal.cache;

import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.internal.runtime.Redactor;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One act cache entry, in the TypeScript library's format ({@code CachedActEntry}: {@code {version: 1, instruction,
 * url, variableKeys, actions, actionDescription, message}} as {@code JSON.stringify(entry, null, 2)}). The actions are
 * the JSON the server reported, so that properties this SDK does not model survive. Immutable. Not API.
 */
final class ActCacheEntry {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  final String instruction;
  final String url;
  final List<String> variableKeys;
  final List<ObjectNode> actions;
  final String actionDescription;
  final String message;

  private ActCacheEntry(String instruction, String url, List<String> variableKeys, List<ObjectNode> actions,
      String actionDescription, String message) {
    this.instruction = instruction;
    this.url = url;
    this.variableKeys = variableKeys;
    this.actions = actions;
    this.actionDescription = actionDescription;
    this.message = message;
  }

  /** Why a stored entry cannot be replayed: thrown by {@link #read}. */
  static final class Unusable extends Exception {
    private static final long serialVersionUID = 1L;
    /** Whether the entry is damaged (logged at WARN) rather than of another version or for other variables. */
    final boolean corrupt;

    Unusable(String reason, boolean corrupt) {
      super(reason, null, false, false);
      this.corrupt = corrupt;
    }
  }

  /**
   * The entry in {@code json} if a call with the (sorted) variable {@code names} can replay it, on the TypeScript
   * library's conditions: version 1, a non-empty array of actions, the same names. A non-object action is damage.
   */
  static ActCacheEntry read(String json, List<String> names) throws Unusable {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (java.io.IOException e) {
      throw new Unusable("not JSON (" + firstLine(e.getMessage()) + ")", true);
    }
    if (root == null || !root.isObject()) {
      throw new Unusable("not a JSON object", true);
    }
    JsonNode version = root.path("version");
    if (!version.isNumber() || version.asDouble() != 1) {
      throw new Unusable("version " + version + ", not 1", false);
    }
    JsonNode actions = root.path("actions");
    if (!actions.isArray() || actions.size() == 0) {
      throw new Unusable("no actions", false);
    }
    List<ObjectNode> list = new ArrayList<>();
    for (JsonNode action : actions) {
      if (!action.isObject()) {
        throw new Unusable("an action is not a JSON object", true);
      }
      list.add((ObjectNode) action);
    }
    List<String> stored = new ArrayList<>();
    JsonNode keys = root.path("variableKeys");
    for (JsonNode name : keys.isArray() ? keys : NODES.arrayNode()) { // not an array: none, as in TypeScript
      if (!name.isTextual()) {
        throw new Unusable("a variable name that is not a string: " + name, false);
      }
      stored.add(name.asText());
    }
    Collections.sort(stored);
    if (!stored.equals(names)) {
      throw new Unusable("stored for the variables " + stored + ", not " + names, false);
    }
    return new ActCacheEntry(root.path("instruction").textValue(), root.path("url").textValue(), stored,
        Collections.unmodifiableList(list), root.path("actionDescription").textValue(),
        root.path("message").textValue());
  }

  private static String firstLine(String message) {
    return message == null ? "unreadable" : message.split("\n", 2)[0];
  }

  /**
   * The entry for what an act by instruction did, each variable value replaced by its {@code %name%}; {@code null}
   * when a value is inside a selector or a method, which the server does not substitute. The URL is stored with its
   * secret-looking parameters masked ({@link Redactor#maskSecretParams}): only readers see it, no key or replay.
   */
  static ActCacheEntry of(String instruction, String url, List<String> names, Map<String, String> values,
      List<ObjectNode> actions, String actionDescription, String message) {
    Placeholders placeholders = new Placeholders(values);
    List<ObjectNode> clean = new ArrayList<>();
    for (ObjectNode action : actions) {
      if (placeholders.occursIn(action.path("selector").asText("")) || placeholders.occursIn(action.path("method").asText(""))) {
        return null;
      }
      clean.add((ObjectNode) placeholders.replaceIn(action));
    }
    String storedUrl = Redactor.maskSecretParams(placeholders.replaceIn(url));
    return new ActCacheEntry(placeholders.replaceIn(instruction), storedUrl, names, Collections.unmodifiableList(clean),
        placeholders.replaceIn(actionDescription), placeholders.replaceIn(message));
  }

  /** The actions of {@code result} as JSON objects. */
  static List<ObjectNode> actionsOf(ActResultData result) {
    return result.actions().stream().map(action -> (ObjectNode) Json.toTree(action)).collect(Collectors.toList());
  }

  /** The stored action {@code index}, as the {@link Action} to replay. */
  Action action(int index) {
    return Json.convert(actions.get(index), Action.class);
  }

  /**
   * Whether the actions a replay reports differ from the stored ones in number, selector, description, method or
   * arguments (what the TypeScript library compares): the server re-found an element, and the entry is rewritten.
   */
  boolean changedBy(List<ObjectNode> reported) {
    if (reported.size() != actions.size()) {
      return true;
    }
    for (int i = 0; i < actions.size(); i++) {
      ObjectNode was = actions.get(i);
      ObjectNode now = reported.get(i);
      if (!was.path("selector").equals(now.path("selector"))
          || !was.path("description").equals(now.path("description"))
          || !was.path("method").asText("").equals(now.path("method").asText(""))
          || !arguments(was).equals(arguments(now))) {
        return true;
      }
    }
    return false;
  }

  private static List<String> arguments(ObjectNode action) {
    List<String> arguments = new ArrayList<>();
    for (JsonNode argument : action.path("arguments")) {
      arguments.add(argument.asText());
    }
    return arguments;
  }

  /** The JSON text of the file, as {@code JSON.stringify(entry, null, 2)}. */
  String toJson() {
    ObjectNode root = NODES.objectNode();
    root.put("version", 1);
    root.put("instruction", instruction);
    root.put("url", url);
    variableKeys.forEach(root.putArray("variableKeys")::add);
    root.putArray("actions").addAll(actions);
    if (actionDescription != null) {
      root.put("actionDescription", actionDescription);
    }
    if (message != null) {
      root.put("message", message);
    }
    return JsJson.pretty(root);
  }

  /** Replaces variable values, longest first, by their {@code %name%} placeholders. */
  private static final class Placeholders {
    private final List<Map.Entry<String, String>> byLength = new ArrayList<>();

    Placeholders(Map<String, String> values) {
      values.entrySet().stream().filter(value -> !value.getValue().isEmpty())
          .sorted(Comparator.comparingInt((Map.Entry<String, String> v) -> v.getValue().length()).reversed())
          .forEach(byLength::add);
    }

    boolean occursIn(String text) {
      return byLength.stream().anyMatch(value -> text.contains(value.getValue()));
    }

    /** In one pass, so that a placeholder put in is never matched again. */
    String replaceIn(String text) {
      if (text == null || byLength.isEmpty()) {
        return text;
      }
      StringBuilder out = new StringBuilder(text.length());
      scan:
      for (int i = 0; i < text.length(); ) {
        for (Map.Entry<String, String> value : byLength) {
          if (text.startsWith(value.getValue(), i)) {
            out.append('%').append(value.getKey()).append('%');
            i += value.getValue().length();
            continue scan;
          }
        }
        out.append(text.charAt(i++));
      }
      return out.toString();
    }

    JsonNode replaceIn(JsonNode node) {
      if (node.isTextual()) {
        return TextNode.valueOf(replaceIn(node.textValue()));
      }
      if (node.isArray()) {
        ArrayNode copy = NODES.arrayNode();
        for (JsonNode item : node) {
          copy.add(replaceIn(item));
        }
        return copy;
      }
      if (node.isObject()) {
        ObjectNode copy = NODES.objectNode();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
          String name = it.next();
          copy.set(name, replaceIn(node.get(name)));
        }
        return copy;
      }
      return node;
    }
  }
}
