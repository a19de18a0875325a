package com.browserbase.stagehand.cache.redis;

/** Describing Lettuce's failures in messages, with no secret in them. Not API. */
final class Failures {
  private Failures() {
  }

  /** The innermost cause's message (what went wrong: "WRONGPASS ...", "Connection refused ..."), or its class. */
  static String describe(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    return message == null || message.isEmpty() ? root.getClass().getSimpleName() : message;
  }

  /** {@code text} with every occurrence of {@code secret} (when there is one) replaced by {@code ***}. */
  static String scrub(String text, String secret) {
    return secret == null || secret.isEmpty() || text == null ? text : text.replace(secret, "***");
  }

  /**
   * {@code failure} itself when no message along its causes contains {@code secret}; otherwise {@code null}, so that a
   * stack trace never prints the secret (the message of the exception it would have caused says what went wrong).
   */
  static Throwable withoutSecret(Throwable failure, String secret) {
    if (secret == null || secret.isEmpty()) {
      return failure;
    }
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (contains(t.getMessage(), secret) || contains(t.toString(), secret)) {
        return null;
      }
      for (Throwable suppressed : t.getSuppressed()) {
        if (withoutSecret(suppressed, secret) == null) {
          return null;
        }
      }
    }
    return failure;
  }

  private static boolean contains(String text, String secret) {
    return text != null && text.contains(secret);
  }
}
