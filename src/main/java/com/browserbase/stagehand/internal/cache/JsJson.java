package com.browserbase.stagehand.internal.cache;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/**
 * JSON text exactly as JavaScript's {@code JSON.stringify} writes it, for the act cache's keys and entries, which must
 * match the TypeScript library's byte for byte. Jackson escapes differently (control characters in upper-case hex,
 * {@code " : "} and {@code [ ]} when pretty-printing). Not API.
 */
final class JsJson {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private JsJson() {}

  /**
   * {@code JSON.stringify(text)}: {@code "}, {@code \} and the controls with a short escape escaped so, the other
   * ones below U+0020 and unpaired surrogates as {@code \}{@code u00xx} in lower case; everything else as it is.
   */
  static String quote(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2);
    quote(text, out);
    return out.toString();
  }

  private static void quote(String text, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int shortEscape = "\"\\\b\f\n\r\t".indexOf(c); // the characters JSON.stringify escapes with one letter
      if (shortEscape >= 0) {
        out.append('\\').append("\"\\bfnrt".charAt(shortEscape));
      } else if (c < 0x20) {
        unicodeEscape(c, out);
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        out.append(c).append(text.charAt(++i));
      } else if (Character.isSurrogate(c)) {
        unicodeEscape(c, out); // unpaired (well-formed JSON.stringify, ES2019)
      } else {
        out.append(c);
      }
    }
    out.append('"');
  }

  private static void unicodeEscape(char c, StringBuilder out) {
    out.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf]).append(HEX[c & 0xf]);
  }

  /** {@code JSON.stringify(value, null, 2)}, but non-integer numbers as Jackson writes them (entries have none). */
  static String pretty(JsonNode value) {
    StringBuilder out = new StringBuilder();
    write(value, "", out);
    return out.toString();
  }

  private static void write(JsonNode value, String indent, StringBuilder out) {
    if (value.isTextual()) {
      quote(value.textValue(), out);
    } else if (!value.isContainerNode()) {
      out.append(value.toString()); // numbers, booleans, null
    } else if (value.size() == 0) {
      out.append(value.isObject() ? "{}" : "[]");
    } else {
      String inner = indent + "  ";
      out.append(value.isObject() ? "{\n" : "[\n");
      // fieldNames(), not fields() or properties(): the one of the three no Jackson 2.12+ deprecates or lacks
      Iterator<String> names = value.fieldNames(); // none in an array
      for (Iterator<JsonNode> children = value.iterator(); children.hasNext(); ) {
        out.append(inner);
        if (names.hasNext()) {
          quote(names.next(), out);
          out.append(": ");
        }
        write(children.next(), inner, out);
        out.append(children.hasNext() ? ",\n" : "\n");
      }
      out.append(indent).append(value.isObject() ? '}' : ']');
    }
  }
}
