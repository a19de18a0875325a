package com.browserbase.stagehand.internal.http;

import java.util.ArrayList;
import java.util.List;
import okhttp3.Cookie;
import okhttp3.CookieJar;
import okhttp3.HttpUrl;

/**
 * Keeps the cookies the server sets for the life of the client (the hosted API uses them for
 * stickiness). Thread-safe. Not API.
 */
public final class MemoryCookieJar implements CookieJar {
  private final List<Cookie> cookies = new ArrayList<>();

  @Override
  public synchronized void saveFromResponse(HttpUrl url, List<Cookie> received) {
    for (Cookie cookie : received) {
      cookies.removeIf(old -> old.name().equals(cookie.name()) && old.domain().equals(cookie.domain())
          && old.path().equals(cookie.path()));
      if (cookie.expiresAt() > System.currentTimeMillis()) {
        cookies.add(cookie);
      }
    }
  }

  @Override
  public synchronized List<Cookie> loadForRequest(HttpUrl url) {
    long now = System.currentTimeMillis();
    cookies.removeIf(cookie -> cookie.expiresAt() <= now);
    List<Cookie> matching = new ArrayList<>();
    for (Cookie cookie : cookies) {
      if (cookie.matches(url)) {
        matching.add(cookie);
      }
    }
    return matching;
  }
}
