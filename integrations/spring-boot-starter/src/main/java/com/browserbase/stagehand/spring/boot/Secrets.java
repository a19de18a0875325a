package com.browserbase.stagehand.spring.boot;

/** How the starter shows a secret: never. */
final class Secrets {
  /** What a masked value reads. */
  static final String MASK = "******";

  private Secrets() {
  }

  /** {@code ******} when set, {@code unset} when null. */
  static String shown(String secret) {
    return secret != null ? MASK : "unset";
  }

  /**
   * A URI with its user info (user name and password) masked: from {@code ://} to the last {@code @} before the query
   * or fragment. A path holding an {@code @} is masked too, rather than a password holding a {@code /} shown.
   */
  static String withoutUserInfo(String uri) {
    if (uri == null) {
      return null;
    }
    int start = uri.indexOf("://") + 3;
    if (start < 3) {
      return uri;
    }
    int end = start;
    while (end < uri.length() && "?#".indexOf(uri.charAt(end)) < 0) {
      end++;
    }
    int at = uri.lastIndexOf('@', end - 1);
    return at >= start ? uri.substring(0, start) + MASK + uri.substring(at) : uri;
  }
}
