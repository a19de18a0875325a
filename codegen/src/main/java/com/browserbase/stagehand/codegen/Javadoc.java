package com.browserbase.stagehand.codegen;

import java.util.ArrayList;
import java.util.List;

/** Turns the spec's descriptions (Markdown-ish text) into Javadoc, and wraps Javadoc. */
final class Javadoc {
  private Javadoc() {}

  /**
   * A description as Javadoc text: whitespace collapsed, {@code `code`} as {@code {@code code}}, HTML
   * characters escaped, ending with a period.
   */
  static String sentence(String description) {
    String text = description.trim().replaceAll("\\s+", " ");
    if (text.isEmpty()) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    String[] parts = text.split("`", -1);
    for (int i = 0; i < parts.length; i++) {
      if (i % 2 == 1 && i < parts.length - 1) {
        out.append("{@code ").append(parts[i].replace("*/", "*&#47;")).append('}');
      } else {
        out.append(escape(parts[i]));
      }
    }
    String result = Character.toUpperCase(out.charAt(0)) + out.substring(1);
    return result.endsWith(".") ? result : result + ".";
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
        .replace("*/", "*&#47;");
  }

  /** The lines of a Javadoc comment at {@code indent}, at most {@code width} columns where words allow. */
  static List<String> lines(String text, String indent, int width) {
    List<String> lines = new ArrayList<>();
    String single = indent + "/** " + text + " */";
    if (single.length() <= width) {
      lines.add(single);
      return lines;
    }
    lines.add(indent + "/**");
    for (String paragraph : text.split("\n")) {
      if (paragraph.isEmpty()) {
        lines.add(indent + " *");
        continue;
      }
      StringBuilder line = new StringBuilder(indent + " *");
      for (String word : paragraph.split(" ")) {
        if (line.length() + 1 + word.length() > width && line.length() > indent.length() + 2) {
          lines.add(line.toString());
          line = new StringBuilder(indent + " *");
        }
        line.append(' ').append(word);
      }
      lines.add(line.toString());
    }
    lines.add(indent + " */");
    return lines;
  }
}
