package com.browserbase.stagehand.internal.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Masks secrets in what the SDK logs and puts in messages: JSON bodies, error texts, URLs. Three rules, applied
 * together ({@link #redact(String, KnownSecrets)}, {@link #mask}):
 *
 * <ul>
 *   <li>by property name, in JSON: the values of {@code apiKey}, {@code token}, {@code password}, ... and of header
 *       and variable maps;
 *   <li>by value: the {@link KnownSecrets} of the client and the call, wherever they occur;
 *   <li>in URLs: the values of query (and fragment, and {@code ;matrix}) parameters whose names look secret ({@link
 *       #isSecretName}): {@code ?token=abc&page=2} shows as {@code ?token=***&page=2}.
 * </ul>
 *
 * No regular expression is involved; nothing is done unless a text is logged or an error is made. Not API.
 */
public final class Redactor {
  /** Properties whose value is a secret wherever they appear. */
  private static final Set<String> SECRET_KEYS = new HashSet<>(Arrays.asList(
      "apiKey", "api_key", "private_key", "privateKey", "token", "password", "secret",
      "authorization", "x-bb-api-key", "x-model-api-key"));
  /** Properties whose every value is a secret, keys kept: variables and header maps. */
  private static final Set<String> SECRET_VALUE_MAPS = new HashSet<>(Arrays.asList(
      "variables", "headers", "cdpHeaders"));
  /** Properties holding URLs whose query may carry a signing key. */
  private static final Set<String> SIGNED_URLS = new HashSet<>(Arrays.asList("cdpUrl", "connectUrl"));
  /**
   * What a parameter name that looks secret contains, in lower case ({@code access_token}, {@code X-Amz-Signature},
   * {@code code} of OAuth, {@code jsessionid}...). Broad on purpose: a harmless parameter masked ({@code keyword},
   * {@code author}) costs a log reader little.
   */
  static final List<String> SECRET_NAME_PARTS = Arrays.asList(
      "token", "key", "auth", "code", "session", "sig", "pass", "pwd", "secret", "credential", "jwt", "saml",
      "ticket", "bearer", "private", "cookie", "csrf", "xsrf");
  /** Parameter names that look secret only as a whole: parts of them are common in harmless names. */
  static final List<String> SECRET_NAMES = Arrays.asList("sid", "otp", "pin", "cvv", "cvc", "ssn");
  private static final TextNode MASK = TextNode.valueOf(ToString.REDACTED);

  private Redactor() {}

  /** The body with secrets masked (see {@link #redact(String, KnownSecrets)}), knowing no secret value. */
  public static String redact(String body) {
    return redact(body, KnownSecrets.NONE);
  }

  /**
   * The JSON body with secrets masked by property name, and known secrets and secret-looking URL parameters masked in
   * its texts; a body that is not JSON is replaced by a length note.
   */
  public static String redact(String body, KnownSecrets known) {
    if (body == null || body.isEmpty()) {
      return "";
    }
    try {
      JsonNode tree = Json.MAPPER.readTree(body);
      return tree == null ? "" : masked(tree, known).toString();
    } catch (Exception notJson) {
      return "(" + body.length() + " characters, not JSON)";
    }
  }

  /** A text (a message, a URL) with known secrets and secret-looking URL parameters masked; else {@code text}. */
  public static String mask(String text, KnownSecrets known) {
    return maskSecretParams(known.mask(text));
  }

  /** The URL with its query, if any, replaced by {@code ***}. */
  public static String maskQuery(String url) {
    int query = url.indexOf('?');
    return query < 0 ? url : url.substring(0, query + 1) + ToString.REDACTED;
  }

  /**
   * Whether a URL parameter (or header) of this name carries a secret: in lower case and percent-decoded, it contains
   * one of {@link #SECRET_NAME_PARTS} or is one of {@link #SECRET_NAMES}.
   */
  public static boolean isSecretName(String name) {
    String lower = (name.indexOf('%') >= 0 ? percentDecoded(name) : name).toLowerCase(Locale.ROOT);
    return SECRET_NAME_PARTS.stream().anyMatch(lower::contains) || SECRET_NAMES.contains(lower);
  }

  /**
   * The text with the value of every URL parameter whose name looks secret ({@link #isSecretName}) replaced by {@code
   * ***}: a {@code name=value} at the start of the text or after {@code ?}, {@code &}, {@code #} or {@code ;}, its
   * value running up to the next {@code &} or {@code #}, a space, a quote, or another character no URL holds as it
   * is. An empty value stays empty. Works on a bare URL and on a URL inside a longer text (an error message).
   */
  public static String maskSecretParams(String text) {
    if (text == null || text.indexOf('=') < 0) {
      return text;
    }
    StringBuilder out = null;
    int copied = 0;
    int length = text.length();
    for (int i = 0; i < length; i++) {
      int nameStart;
      if (i == 0 && !isParamDelimiter(text.charAt(0))) {
        nameStart = 0;
      } else if (isParamDelimiter(text.charAt(i))) {
        nameStart = i + 1;
      } else {
        continue;
      }
      int nameEnd = nameStart;
      while (nameEnd < length && isNameChar(text.charAt(nameEnd))) {
        nameEnd++;
      }
      if (nameEnd == nameStart || nameEnd >= length || text.charAt(nameEnd) != '='
          || !isSecretName(text.substring(nameStart, nameEnd))) {
        continue;
      }
      int valueStart = nameEnd + 1;
      int valueEnd = valueStart;
      while (valueEnd < length && isValueChar(text.charAt(valueEnd))) {
        valueEnd++;
      }
      if (valueEnd > valueStart) {
        if (out == null) {
          out = new StringBuilder(length);
        }
        out.append(text, copied, valueStart).append(ToString.REDACTED);
        copied = valueEnd;
      }
      i = valueEnd - 1; // the loop goes on at the character after the value: a delimiter, or the end
    }
    return out == null ? text : out.append(text, copied, length).toString();
  }

  /**
   * The values of the URL's query parameters (only those whose names look secret when {@code onlySecretNames}), as
   * written and percent-decoded: the known secrets of a URL, which a text may quote apart from the URL.
   */
  public static List<String> queryValues(String url, boolean onlySecretNames) {
    List<String> values = new ArrayList<>();
    int query = url.indexOf('?');
    if (query < 0) {
      return values;
    }
    int fragment = url.indexOf('#', query);
    int end = fragment < 0 ? url.length() : fragment;
    for (int start = query + 1; start < end; ) {
      int amp = url.indexOf('&', start);
      int paramEnd = amp < 0 || amp > end ? end : amp;
      int equals = url.indexOf('=', start);
      if (equals > start && equals < paramEnd && (!onlySecretNames || isSecretName(url.substring(start, equals)))) {
        String value = url.substring(equals + 1, paramEnd);
        values.add(value);
        values.add(percentDecoded(value));
      }
      start = paramEnd + 1;
    }
    return values;
  }

  private static boolean isParamDelimiter(char c) {
    return c == '?' || c == '&' || c == '#' || c == ';';
  }

  private static boolean isNameChar(char c) {
    return c > ' ' && c != '=' && !isParamDelimiter(c) && !endsAValue(c);
  }

  private static boolean isValueChar(char c) {
    return c > ' ' && c != '&' && c != '#' && !endsAValue(c);
  }

  /** Characters that end a parameter inside a text: no URL holds them unencoded, or they close what it is in. */
  private static boolean endsAValue(char c) {
    return "\"'<>`\\{}|^)]\u007f".indexOf(c) >= 0;
  }

  private static String percentDecoded(String name) {
    try {
      return java.net.URLDecoder.decode(name, "UTF-8");
    } catch (java.io.UnsupportedEncodingException | IllegalArgumentException malformed) {
      return name;
    }
  }

  /** {@code node} with its secrets masked: a new node for a text, the node itself changed for the others. */
  private static JsonNode masked(JsonNode node, KnownSecrets known) {
    if (node.isTextual()) {
      String text = node.textValue();
      String masked = mask(text, known);
      return masked == text ? node : TextNode.valueOf(masked);
    }
    if (node.isArray()) {
      ArrayNode array = (ArrayNode) node;
      for (int i = 0; i < array.size(); i++) {
        array.set(i, masked(array.get(i), known));
      }
    } else if (node.isObject()) {
      ObjectNode object = (ObjectNode) node;
      // Names first, then replace(): properties() is Jackson 2.15+, and the SDK runs on 2.12 and newer.
      for (String key : names(object)) {
        JsonNode value = object.get(key);
        if (SECRET_KEYS.contains(key)) {
          object.replace(key, MASK);
        } else if (SIGNED_URLS.contains(key) && value.isTextual()) {
          object.replace(key, TextNode.valueOf(maskQuery(value.textValue())));
        } else if (SECRET_VALUE_MAPS.contains(key) && value.isObject()) {
          ObjectNode values = (ObjectNode) value;
          for (String name : names(values)) {
            values.replace(name, MASK);
          }
        } else {
          object.replace(key, masked(value, known));
        }
      }
    }
    return node;
  }

  private static List<String> names(ObjectNode object) {
    List<String> names = new ArrayList<>(object.size());
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
