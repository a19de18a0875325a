package com.browserbase.stagehand.spring.boot;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Whether the Stagehand server answers, without ever starting a session (which Browserbase bills) or sending a key.
 * In local mode: {@code GET <server>/readyz}, up on 200. Otherwise: {@code GET <base URL>}, up on any HTTP answer
 * below 500 (the hosted API answers its root with 404): the server is reachable; a 5xx (a gateway in front of a server
 * that is down) is down. Down too when the connection fails or no answer comes within the timeout. The health indicators of Boot 3.5 and 4.0 wrap it.
 */
final class StagehandHealthProbe {
  /** How long to wait for the connection, then again for the answer. */
  static final Duration TIMEOUT = Duration.ofSeconds(3);

  private final Supplier<String> baseUrl;
  private final boolean local;
  private final Duration timeout;

  /** {@code baseUrl} read at each check (the client's); {@code local}: the client runs its own server. */
  StagehandHealthProbe(Supplier<String> baseUrl, boolean local, Duration timeout) {
    this.baseUrl = baseUrl;
    this.local = local;
    this.timeout = timeout;
  }

  /** Probes the server now. */
  Result check() {
    String base = baseUrl.get();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("mode", local ? "local" : "remote");
    details.put("baseUrl", Secrets.withoutUserInfo(base));
    String target = local ? (base.endsWith("/") ? base : base + "/") + "readyz" : base;
    HttpURLConnection connection = null;
    try {
      URL url = URI.create(target).toURL();
      // The local server is on loopback: never through a proxy. A remote one as the JVM is configured to reach it.
      connection = (HttpURLConnection) (local ? url.openConnection(Proxy.NO_PROXY) : url.openConnection());
      connection.setRequestMethod("GET");
      connection.setInstanceFollowRedirects(false);
      connection.setUseCaches(false);
      connection.setConnectTimeout((int) timeout.toMillis());
      connection.setReadTimeout((int) timeout.toMillis());
      int status = connection.getResponseCode();
      details.put("status", status);
      // Remote: any answer but a 5xx (a gateway's 502/503 in front of a server that is down); the hosted API answers
      // its root with 404, which is up.
      return new Result(local ? status == 200 : status < 500, details);
    } catch (IOException | RuntimeException e) {
      details.put("error", e.getClass().getName() + (e.getMessage() != null ? ": " + e.getMessage() : ""));
      return new Result(false, details);
    } finally {
      if (connection != null) {
        connection.disconnect();
      }
    }
  }

  /** Up or down, and what was seen: {@code mode}, {@code baseUrl}, and the {@code status} answered or the {@code error}. */
  static final class Result {
    private final boolean up;
    private final Map<String, Object> details;

    Result(boolean up, Map<String, Object> details) {
      this.up = up;
      this.details = Collections.unmodifiableMap(details);
    }

    boolean up() {
      return up;
    }

    Map<String, Object> details() {
      return details;
    }

    @Override
    public String toString() {
      return (up ? "UP " : "DOWN ") + details;
    }
  }
}
