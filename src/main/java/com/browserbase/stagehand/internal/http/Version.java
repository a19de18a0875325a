package com.browserbase.stagehand.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The SDK's version, as Maven wrote it at build time. Not API. */
public final class Version {
  /** The version, such as {@code 0.1.0}; {@code unknown} when the build left no record. */
  public static final String SDK = load("version");

  /** The Jackson version the SDK was built and tested with, such as {@code 2.22.4}, or {@code unknown}. */
  public static final String JACKSON = load("jackson");

  /** The User-Agent the SDK sends. */
  public static final String USER_AGENT =
      "stagehand-java/" + SDK + " (Java " + System.getProperty("java.version") + "; "
          + System.getProperty("os.name") + ")";

  private Version() {}

  private static String load(String key) {
    try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties properties = new Properties();
      properties.load(in);
      String version = properties.getProperty(key, "unknown");
      return version.startsWith("${") ? "unknown" : version;
    } catch (IOException e) {
      return "unknown";
    }
  }
}
