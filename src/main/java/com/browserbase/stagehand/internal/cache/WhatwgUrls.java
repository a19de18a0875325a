package com.browserbase.stagehand.internal.cache;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.IntPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * A page URL as the TypeScript library's act cache puts it into a key: {@code new URL(raw)}, {@code
 * url.searchParams.sort()}, {@code url.toString()}. That is the WHATWG serialisation, the query parsed as {@code
 * application/x-www-form-urlencoded}, sorted by name and written again so ({@code a b} becomes {@code a+b}, {@code ~}
 * {@code %7E}, an empty query disappears).
 *
 * <p>{@code http}, {@code https}, {@code ws} and {@code wss} follow the URL standard: host lower-cased and
 * IDNA-encoded (by OkHttp), default port dropped, {@code .} and {@code ..} segments resolved, {@code \} read as {@code
 * /}, each part percent-encoded with its own set. Other schemes ({@code about:}, {@code data:}, {@code chrome:},
 * {@code file:}) keep what comes before the query, percent-encoding only control and non-ASCII characters, as a
 * browser reports them already. Text that is no URL (no scheme, {@code ""}) is returned as it is, as the TypeScript
 * library does when {@code new URL} throws. Not API.
 */
final class WhatwgUrls {
  private WhatwgUrls() {}

  /** A scheme ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )}) and its colon. */
  private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");
  /** After a special URL's scheme: its slashes ({@code \\} counts as {@code /}), authority, and path. */
  private static final Pattern AUTHORITY_AND_PATH = Pattern.compile("[/\\\\]*([^/\\\\]*)(.*)", Pattern.DOTALL);
  /** Which code points each part of a URL percent-encodes. */
  private static final IntPredicate C0_CONTROL = c -> c < 0x20 || c > 0x7e;
  private static final IntPredicate FRAGMENT = C0_CONTROL.or(c -> c == ' ' || c == '"' || c == '<' || c == '>'
      || c == '`');
  private static final IntPredicate PATH = C0_CONTROL.or(c -> c == ' ' || c == '"' || c == '#' || c == '<' || c == '>'
      || c == '?' || c == '`' || c == '{' || c == '}');
  private static final IntPredicate USERINFO = PATH.or(c -> c == '/' || c == ':' || c == ';' || c == '='
      || c == '@' || c == '[' || c == '\\' || c == ']' || c == '^' || c == '|');

  /** The normalised form of {@code raw}, or {@code raw} itself when it is no URL. */
  static String normalize(String raw) {
    if (raw.isEmpty()) {
      return raw;
    }
    // Leading and trailing C0 controls and spaces go (as trim() does); tabs and newlines go wherever they are.
    String input = raw.trim().replaceAll("[\t\n\r]", "");
    Matcher schemeEnd = SCHEME.matcher(input);
    if (!schemeEnd.lookingAt()) {
      return raw;
    }
    String scheme = input.substring(0, schemeEnd.end() - 1).toLowerCase(Locale.ROOT);
    String rest = input.substring(schemeEnd.end());
    String fragment = null;
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      fragment = rest.substring(hash + 1);
      rest = rest.substring(0, hash);
    }
    String query = null;
    int question = rest.indexOf('?');
    if (question >= 0) {
      query = rest.substring(question + 1);
      rest = rest.substring(0, question);
    }
    StringBuilder out = new StringBuilder(raw.length() + 16).append(scheme).append(':');
    int defaultPort = defaultPort(scheme);
    if (defaultPort > 0) {
      String hierarchical = special(rest, defaultPort);
      if (hierarchical == null) {
        return raw;
      }
      out.append(hierarchical);
    } else {
      out.append(encode(rest, C0_CONTROL));
    }
    if (query != null) {
      List<String[]> params = parseQuery(query);
      for (int i = 0; i < params.size(); i++) {
        out.append(i == 0 ? '?' : '&').append(formEncode(params.get(i)[0])).append('=').append(formEncode(params.get(i)[1]));
      }
    }
    if (fragment != null) {
      out.append('#').append(encode(fragment, FRAGMENT));
    }
    return out.toString();
  }

  private static int defaultPort(String scheme) {
    return scheme.equals("http") || scheme.equals("ws") ? 80
        : scheme.equals("https") || scheme.equals("wss") ? 443 : -1;
  }

  /**
   * {@code //userinfo@host:port/path} of a special URL, from what follows {@code scheme:} up to the
   * query; {@code null} when it is not valid (no host, a bad port).
   */
  private static String special(String rest, int defaultPort) {
    Matcher parts = AUTHORITY_AND_PATH.matcher(rest);
    parts.matches(); // always: every part may be empty
    String authority = parts.group(1);
    StringBuilder out = new StringBuilder("//");
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String userinfo = authority.substring(0, at);
      int colon = userinfo.indexOf(':');
      String username = encode(colon >= 0 ? userinfo.substring(0, colon) : userinfo, USERINFO);
      String password = colon >= 0 ? encode(userinfo.substring(colon + 1), USERINFO) : "";
      if (!username.isEmpty() || !password.isEmpty()) {
        out.append(username);
        if (!password.isEmpty()) {
          out.append(':').append(password);
        }
        out.append('@');
      }
      authority = authority.substring(at + 1);
    }
    String host;
    String port = "";
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0) {
        return null;
      }
      host = authority.substring(0, close + 1);
      String after = authority.substring(close + 1);
      if (!after.isEmpty()) {
        if (after.charAt(0) != ':') {
          return null;
        }
        port = after.substring(1);
      }
    } else {
      int colon = authority.indexOf(':');
      host = colon >= 0 ? authority.substring(0, colon) : authority;
      port = colon >= 0 ? authority.substring(colon + 1) : "";
    }
    if (host.isEmpty()) {
      return null;
    }
    HttpUrl parsed = HttpUrl.parse("http://" + host + "/");
    if (parsed == null) {
      return null;
    }
    String canonicalHost = parsed.host();
    out.append(canonicalHost.indexOf(':') >= 0 ? "[" + canonicalHost + "]" : canonicalHost);
    if (!port.isEmpty()) {
      int number = 0;
      for (int i = 0; i < port.length(); i++) {
        char c = port.charAt(i);
        if (c < '0' || c > '9') {
          return null;
        }
        number = number * 10 + (c - '0');
        if (number > 65535) {
          return null;
        }
      }
      if (number != defaultPort) {
        out.append(':').append(number);
      }
    }
    return out.append(path(parts.group(2))).toString();
  }

  /** A special URL's path: at least {@code /}, dot segments resolved, each segment percent-encoded. */
  private static String path(String raw) {
    if (raw.isEmpty()) {
      return "/";
    }
    String[] segments = raw.substring(1).split("[/\\\\]", -1);
    List<String> kept = new ArrayList<>();
    for (int i = 0; i < segments.length; i++) {
      boolean last = i == segments.length - 1;
      String segment = segments[i];
      if (isDoubleDot(segment)) {
        if (!kept.isEmpty()) {
          kept.remove(kept.size() - 1);
        }
        if (last) {
          kept.add("");
        }
      } else if (isSingleDot(segment)) {
        if (last) {
          kept.add("");
        }
      } else {
        kept.add(encode(segment, PATH));
      }
    }
    return "/" + String.join("/", kept);
  }

  private static boolean isSingleDot(String segment) {
    return segment.equals(".") || segment.equalsIgnoreCase("%2e");
  }

  private static boolean isDoubleDot(String segment) {
    String lower = segment.toLowerCase(Locale.ROOT);
    return lower.equals("..") || lower.equals(".%2e") || lower.equals("%2e.") || lower.equals("%2e%2e");
  }

  /** Percent-encodes the code points of {@code set} as UTF-8 (an unpaired surrogate as U+FFFD); {@code %} stays. */
  private static String encode(String text, IntPredicate set) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); ) {
      int c = codePointAt(text, i);
      int width = Character.isSupplementaryCodePoint(c) ? 2 : 1;
      if (set.test(c)) {
        if (out == null) {
          out = new StringBuilder(text.length() + 16).append(text, 0, i);
        }
        for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
          percent(b, out);
        }
      } else if (out != null) {
        out.appendCodePoint(c);
      }
      i += width;
    }
    return out == null ? text : out.toString();
  }

  /** The code point at {@code i}, U+FFFD for an unpaired surrogate. */
  private static int codePointAt(String text, int i) {
    int c = text.codePointAt(i);
    return Character.isSurrogate((char) c) && c <= 0xffff ? 0xfffd : c;
  }

  private static void percent(byte b, StringBuilder out) {
    out.append('%').append(Character.toUpperCase(Character.forDigit(b >> 4 & 0xf, 16)))
        .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
  }

  /** The name-value pairs of an {@code application/x-www-form-urlencoded} text, sorted by name (stable). */
  private static List<String[]> parseQuery(String query) {
    List<String[]> params = new ArrayList<>();
    for (String sequence : query.split("&", -1)) {
      if (sequence.isEmpty()) {
        continue;
      }
      int equals = sequence.indexOf('=');
      String name = equals >= 0 ? sequence.substring(0, equals) : sequence;
      String value = equals >= 0 ? sequence.substring(equals + 1) : "";
      params.add(new String[] {formDecode(name), formDecode(value)});
    }
    // Stable, by UTF-16 code units: what URLSearchParams.sort() does.
    Collections.sort(params, (a, b) -> a[0].compareTo(b[0]));
    return params;
  }

  /** {@code +} as space, {@code %XX} as a byte, the rest as UTF-8; then decoded as UTF-8 with U+FFFD for bad bytes. */
  private static String formDecode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); ) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.write(' ');
        i++;
      } else if (c == '%' && i + 2 < text.length() && hex(text.charAt(i + 1)) >= 0 && hex(text.charAt(i + 2)) >= 0) {
        bytes.write(hex(text.charAt(i + 1)) << 4 | hex(text.charAt(i + 2)));
        i += 3;
      } else {
        int codePoint = codePointAt(text, i);
        byte[] utf8 = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        i += Character.isSupplementaryCodePoint(codePoint) ? 2 : 1;
      }
    }
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    return c < 0x80 ? Character.digit(c, 16) : -1;
  }

  /** The {@code application/x-www-form-urlencoded} form: alphanumerics and {@code *-._} as they are, space as {@code +}. */
  private static String formEncode(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '*' || c == '-' || c == '.' || c == '_') {
        out.append((char) c);
      } else if (c == ' ') {
        out.append('+');
      } else {
        percent(b, out);
      }
    }
    return out.toString();
  }
}
