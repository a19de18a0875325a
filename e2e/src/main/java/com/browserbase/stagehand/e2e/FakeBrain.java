package com.browserbase.stagehand.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@link FakeModel} "thinks": it reads the instruction and the accessibility tree that Stagehand
 * puts in its prompts ({@code [0-15] button: Submit}), picks the element the instruction names (by its
 * text, or by the words button / field / input), and fills a JSON Schema with values that fit: the
 * element's id and method ({@code fill} with the quoted value of the instruction, or {@code click}),
 * {@code null} for a nullable {@code action} when nothing matches, and for any other string the last
 * text on the page (the test page's result line). Deterministic, so the tests can assert what the
 * real server does with the answers.
 */
public final class FakeBrain {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final Pattern ELEMENT = Pattern.compile("^\\s*\\[(\\d+-\\d+)\\] ([^:\\n]+?)(?:: (.*))?$", Pattern.MULTILINE);
  private static final Pattern ACT_INSTRUCTION = Pattern.compile("following action: (.*?)\\.\\s*\\n");
  private static final Pattern INSTRUCTION = Pattern.compile("instruction: (.*)", Pattern.CASE_INSENSITIVE);
  private static final Pattern QUOTED = Pattern.compile("['\"]([^'\"]*)['\"]");

  private final String prompt;
  private final List<Element> elements = new ArrayList<>();
  private final String instruction;
  private final Element target;

  private static final class Element {
    final String id;
    final String role;
    final String name;

    Element(String id, String role, String name) {
      this.id = id;
      this.role = role;
      this.name = name == null ? "" : name;
    }
  }

  FakeBrain(String prompt) {
    this.prompt = prompt;
    Matcher element = ELEMENT.matcher(prompt);
    while (element.find()) {
      elements.add(new Element(element.group(1), element.group(2).trim(), element.group(3)));
    }
    Matcher act = ACT_INSTRUCTION.matcher(prompt);
    Matcher plain = INSTRUCTION.matcher(prompt);
    this.instruction = act.find() ? act.group(1) : plain.find() ? plain.group(1).trim() : "";
    this.target = choose(instruction.toLowerCase(Locale.ROOT));
  }

  private Element choose(String wanted) {
    if (wanted.isEmpty()) {
      return null;
    }
    for (Element element : elements) {
      boolean interactive = element.role.equals("button") || element.role.equals("textbox") || element.role.equals("link");
      if (interactive && !element.name.isEmpty() && wanted.contains(element.name.toLowerCase(Locale.ROOT))) {
        return element;
      }
    }
    String role = wanted.contains("button") ? "button"
        : wanted.contains("field") || wanted.contains("input") || wanted.contains("textbox") ? "textbox" : null;
    for (Element element : elements) {
      if (element.role.equals(role)) {
        return element;
      }
    }
    return null;
  }

  /** The agent's goal: the first user message. */
  String goal() {
    Matcher user = Pattern.compile("^user: (.*)$", Pattern.MULTILINE).matcher(prompt);
    return user.find() ? user.group(1) : "click the Submit button";
  }

  /** A value that fits {@code schema}. */
  JsonNode fill(JsonNode schema) {
    return value(schema, "");
  }

  private JsonNode value(JsonNode schema, String name) {
    if (schema.has("anyOf")) {
      JsonNode nonNull = null;
      boolean nullable = false;
      for (JsonNode option : schema.path("anyOf")) {
        if (option.path("type").asText().equals("null")) {
          nullable = true;
        } else if (nonNull == null) {
          nonNull = option;
        }
      }
      return nullable && (target == null || nonNull == null) ? NODES.nullNode() : value(nonNull, name);
    }
    switch (schema.path("type").asText("object")) {
      case "object":
        ObjectNode object = NODES.objectNode();
        schema.path("properties").fields().forEachRemaining(p -> object.set(p.getKey(), value(p.getValue(), p.getKey())));
        return object;
      case "array":
        ArrayNode array = NODES.arrayNode();
        if (name.equals("arguments")) {
          if (target != null && target.role.equals("textbox")) {
            array.add(quoted());
          }
        } else if (!name.equals("elements") || target != null) {
          array.add(value(schema.path("items"), name));
        }
        return array;
      case "boolean":
        return NODES.booleanNode(!name.equals("twoStep"));
      case "number":
      case "integer":
        return NODES.numberNode(1);
      case "null":
        return NODES.nullNode();
      default:
        return NODES.textNode(string(schema, name));
    }
  }

  private String string(JsonNode schema, String name) {
    switch (name) {
      case "elementId":
        return target != null ? target.id : "0-0";
      case "description":
        return target != null ? target.role + " " + target.name : "nothing";
      case "method":
        return target != null && target.role.equals("textbox") ? "fill" : "click";
      case "reasoning":
        return "The fake model did what it was asked.";
      case "progress":
        return "complete";
      default:
        if (schema.has("enum")) {
          return schema.path("enum").path(0).asText();
        }
        return lastText();
    }
  }

  private String quoted() {
    Matcher quoted = QUOTED.matcher(instruction);
    return quoted.find() ? quoted.group(1) : "";
  }

  /** The last static text of the page: the test page's result line. */
  private String lastText() {
    String text = "nothing on the page";
    for (Element element : elements) {
      if (element.role.equals("StaticText") && !element.name.isEmpty()) {
        text = element.name;
      }
    }
    return text;
  }
}
