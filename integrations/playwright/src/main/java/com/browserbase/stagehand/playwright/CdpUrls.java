package com.browserbase.stagehand.playwright;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.PlaywrightException;

/**
 * Connects Playwright over a session's CDP URL without letting the URL's secrets out: a Browserbase
 * {@code cdpUrl} carries a signing key in its query, and Playwright quotes the URL in its errors. The
 * error it throws is replaced by one whose message has the query masked, and which keeps its stack but
 * not itself as the cause.
 */
final class CdpUrls {
  private CdpUrls() {}

  static Browser connect(Playwright playwright, String cdpUrl) {
    try {
      return playwright.chromium().connectOverCDP(cdpUrl);
    } catch (PlaywrightException e) {
      PlaywrightException masked = new PlaywrightException("Cannot connect Playwright to the session's browser at "
          + masked(cdpUrl) + ": " + mask(String.valueOf(e.getMessage()), cdpUrl));
      masked.setStackTrace(e.getStackTrace());
      throw masked;
    }
  }

  /** {@code url} with its user information masked and its query (and fragment) replaced by {@code ?***}. */
  static String masked(String url) {
    int query = url.indexOf('?');
    int fragment = url.indexOf('#');
    int cut = query >= 0 ? query : fragment;
    String base = cut < 0 ? url : url.substring(0, cut) + "?***";
    return base.replaceFirst("^([a-zA-Z][a-zA-Z0-9+.-]*://)[^/@]*@", "$1***@");
  }

  /** {@code text} with {@code url}, and each value of its query, masked. */
  static String mask(String text, String url) {
    String result = text.replace(url, masked(url));
    int query = url.indexOf('?');
    if (query >= 0) {
      for (String pair : url.substring(query + 1).split("[&#]")) {
        int eq = pair.indexOf('=');
        String value = eq >= 0 ? pair.substring(eq + 1) : "";
        if (value.length() >= 4) {
          result = result.replace(value, "***");
        }
      }
    }
    return result;
  }
}
