package com.browserbase.stagehand.internal.cache;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The key of an act cache entry (and its file's name) as the TypeScript library makes it: the lower-case hex SHA-256
 * of {@code JSON.stringify({instruction, url, variableKeys})}, the instruction trimmed as JavaScript's {@code trim()}
 * does, the URL normalised by {@link WhatwgUrls}, the variable names sorted by UTF-16 code units. Not API.
 */
final class ActCacheKey {
  private ActCacheKey() {}

  /** The key of {@code instruction} on {@code pageUrl} with variables named {@code variableNames}. */
  static String of(String instruction, String pageUrl, Collection<String> variableNames) {
    return sha256Hex("{\"instruction\":" + JsJson.quote(trim(instruction))
        + ",\"url\":" + JsJson.quote(WhatwgUrls.normalize(pageUrl))
        + ",\"variableKeys\":[" + sorted(variableNames).stream().map(JsJson::quote).collect(Collectors.joining(","))
        + "]}");
  }

  /** The names sorted as JavaScript's default {@code sort()} does: by UTF-16 code units. */
  static List<String> sorted(Collection<String> names) {
    return names.stream().sorted().collect(Collectors.toList());
  }

  /**
   * {@code text.trim()} in JavaScript: white space and line terminators of ECMAScript go, which is
   * not the set of {@link String#trim()} (it keeps U+00A0 and U+FEFF, and removes U+0001).
   */
  static String trim(String text) {
    int start = 0;
    int end = text.length();
    while (start < end && isJsWhitespace(text.charAt(start))) {
      start++;
    }
    while (end > start && isJsWhitespace(text.charAt(end - 1))) {
      end--;
    }
    return text.substring(start, end);
  }

  /** ECMAScript's WhiteSpace and LineTerminator, but for U+2000..U+200A (see {@link #isJsWhitespace}). */
  private static final String JS_WHITESPACE = "\t\n\u000b\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff";

  private static boolean isJsWhitespace(char c) {
    return JS_WHITESPACE.indexOf(c) >= 0 || c >= '\u2000' && c <= '\u200a';
  }

  private static String sha256Hex(String text) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("This JVM has no SHA-256", e); // every Java SE platform must have it
    }
    // The JSON text has no unpaired surrogate (JsJson escapes them), so UTF-8 is exact.
    return String.format("%064x", new BigInteger(1, digest.digest(text.getBytes(StandardCharsets.UTF_8))));
  }
}
