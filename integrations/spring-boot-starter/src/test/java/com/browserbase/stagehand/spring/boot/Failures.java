package com.browserbase.stagehand.spring.boot;

import java.util.ArrayList;
import java.util.List;

/** A startup failure's messages, cause after cause, as one text to search. */
final class Failures {
  private Failures() {
  }

  static String messages(Throwable failure) {
    List<String> messages = new ArrayList<>();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      messages.add(t.getClass().getName() + ": " + t.getMessage());
      for (Throwable suppressed : t.getSuppressed()) {
        messages.add("suppressed " + suppressed);
      }
    }
    return String.join("\n caused by ", messages);
  }
}
