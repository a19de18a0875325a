package com.browserbase.stagehand.internal.http;

import java.util.ArrayList;
import java.util.Iterator;
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
      Iterator<Cookie> it = cookies.iterator();
      while (it.hasNext()) {
        Cookie old = it.next();
        if (old.name().equals(cookie.name())
            && old.domain().equals(cookie.domain())
            && old.path().equals(cookie.path())) {
          it.remove();
        }
      }
      if (cookie.expiresAt() > System.currentTimeMillis()) {
        cookies.add(cookie);
      }
    }
  }

  @Override
  public synchronized List<Cookie> loadForRequest(HttpUrl url) {
    if (cookies.isEmpty()) {
      return java.util.Collections.emptyList();
    }
    long now = System.currentTimeMillis();
    List<Cookie> matching = new ArrayList<>();
    Iterator<Cookie> it = cookies.iterator();
    while (it.hasNext()) {
      Cookie cookie = it.next();
      if (cookie.expiresAt() <= now) {
        it.remove();
      } else if (cookie.matches(url)) {
        matching.add(cookie);
      }
    }
    return matching;
  }
}
