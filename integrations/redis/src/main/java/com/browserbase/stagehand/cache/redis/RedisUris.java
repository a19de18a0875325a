package com.browserbase.stagehand.cache.redis;

import io.lettuce.core.RedisCredentials;
import io.lettuce.core.RedisCredentialsProvider;
import io.lettuce.core.RedisURI;
import java.util.Locale;

/** Parsing a store's URI, and showing it without its password. Not API. */
final class RedisUris {
  static final String FORM = "redis://[[username]:password@]host[:port][/database], or rediss://... for TLS";

  private RedisUris() {
  }

  /**
   * The URI as Lettuce reads it, or an {@link IllegalArgumentException} showing it with its password masked: never
   * Lettuce's or {@link java.net.URI}'s own message, which may quote the whole text.
   */
  static RedisURI parse(String uri) {
    String scheme = uri.contains("://") ? uri.substring(0, uri.indexOf("://")).toLowerCase(Locale.ROOT) : "";
    if (!scheme.equals("redis") && !scheme.equals("rediss")) {
      throw new IllegalArgumentException("Not a Redis URI: " + mask(uri) + " (expected " + FORM + ")");
    }
    RedisURI parsed;
    try {
      parsed = RedisURI.create(uri);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Not a valid Redis URI: " + mask(uri) + " (expected " + FORM
          + "; percent-encode reserved characters in the password)");
    }
    if (parsed.getHost() == null || parsed.getHost().isEmpty()) {
      throw new IllegalArgumentException("The Redis URI " + mask(uri) + " has no host (expected " + FORM + ")");
    }
    return parsed;
  }

  /** {@code redis://host:port}, with {@code username:***@} or {@code :***@} when it has credentials, and {@code /db}. */
  static String display(RedisURI uri) {
    StringBuilder text = new StringBuilder(uri.isSsl() ? "rediss://" : "redis://");
    RedisCredentials credentials = credentials(uri);
    if (credentials != null && (credentials.hasUsername() || credentials.hasPassword())) {
      if (credentials.hasUsername()) {
        text.append(credentials.getUsername());
      }
      text.append(credentials.hasPassword() ? ":***" : "").append('@');
    }
    String host = uri.getHost();
    text.append(host.contains(":") ? "[" + host + "]" : host).append(':').append(uri.getPort());
    if (uri.getDatabase() != 0) {
      text.append('/').append(uri.getDatabase());
    }
    return text.toString();
  }

  /** The URI's password, or null: only to keep it out of messages. */
  static String password(RedisURI uri) {
    RedisCredentials credentials = credentials(uri);
    return credentials != null && credentials.hasPassword() ? new String(credentials.getPassword()) : null;
  }

  private static RedisCredentials credentials(RedisURI uri) {
    RedisCredentialsProvider provider = uri.getCredentialsProvider();
    if (provider instanceof RedisCredentialsProvider.ImmediateRedisCredentialsProvider) {
      return ((RedisCredentialsProvider.ImmediateRedisCredentialsProvider) provider).resolveCredentialsNow();
    }
    return provider == null ? null : provider.resolveCredentials().toFuture().join();
  }

  /** A URI that may not parse, shown with everything between {@code ://} and its last {@code @} masked. */
  static String mask(String uri) {
    int start = uri.indexOf("://") + 3;
    int at = uri.lastIndexOf('@');
    return start >= 3 && at >= start ? uri.substring(0, start) + "***" + uri.substring(at) : uri;
  }
}
