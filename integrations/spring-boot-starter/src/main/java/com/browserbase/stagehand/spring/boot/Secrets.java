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

  /** A URI with everything between {@code ://} and its last {@code @} (user name and password) masked. */
  static String withoutUserInfo(String uri) {
    if (uri == null) {
      return null;
    }
    int start = uri.indexOf("://") + 3;
    int at = uri.lastIndexOf('@');
    return start >= 3 && at >= start ? uri.substring(0, start) + MASK + uri.substring(at) : uri;
  }
}
