package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.errors.BadRequestException;
import com.browserbase.stagehand.errors.InternalServerException;
import com.browserbase.stagehand.errors.NotFoundException;
import com.browserbase.stagehand.errors.PermissionDeniedException;
import com.browserbase.stagehand.errors.RateLimitException;
import com.browserbase.stagehand.errors.StagehandServiceException;
import com.browserbase.stagehand.errors.UnauthorizedException;
import com.browserbase.stagehand.errors.UnexpectedStatusCodeException;
import com.browserbase.stagehand.errors.UnprocessableEntityException;
import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.internal.runtime.Redactor;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Headers;
import okhttp3.Response;

/**
 * Turns an error response into the exception of its status, with a readable message. The message
 * (and the error code) are masked ({@link Redactor#mask}): a server that echoes what it was sent —
 * an API key it refused, a variable's value, a URL with its token — does not put it in an
 * exception message, which ends up in logs. The body is kept as it came. Not API.
 */
final class Errors {
  private static final int MAX_TEXT = 300;
  private static final Pattern TITLE = Pattern.compile("<title[^>]*>(.*?)</title>", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
  private static final Pattern TAG = Pattern.compile("<[^>]*>");

  private Errors() {}

  /** The exception for the error {@code response} of {@code exchange}, whose body (possibly empty) was read. */
  static StagehandServiceException toException(Response response, String body, Exchange exchange) {
    String message = null;
    String code = null;
    JsonNode json = parseJson(body);
    if (json != null) {
      message = messageOf(json);
      JsonNode codeNode = json.get("code");
      code = codeNode != null && codeNode.isValueNode() ? exchange.mask(codeNode.asText()) : null;
    }
    if (message == null) {
      message = body.trim().isEmpty() ? reason(response) : textOf(body);
    }
    message = exchange.mask(message);
    String summary = summary(response, message, exchange);
    Map<String, List<String>> headers = headerMap(response.headers());
    int status = response.code();
    switch (status) {
      case 400:
        return new BadRequestException(status, headers, body, message, code, summary);
      case 401:
        return new UnauthorizedException(status, headers, body, message, code, summary);
      case 403:
        return new PermissionDeniedException(status, headers, body, message, code, summary);
      case 404:
        return new NotFoundException(status, headers, body, message, code, summary);
      case 422:
        return new UnprocessableEntityException(status, headers, body, message, code, summary);
      case 429:
        return new RateLimitException(status, headers, body, message, code, summary);
      default:
        return status >= 500 && status < 600
            ? new InternalServerException(status, headers, body, message, code, summary)
            : new UnexpectedStatusCodeException(status, headers, body, message, code, summary);
    }
  }

  /**
   * The exception for a successful answer that cannot be used, such as a started session the
   * server says is not available; {@code problem} says what is wrong.
   */
  static StagehandServiceException unusable(Response response, String body, String problem, Exchange exchange) {
    problem = exchange.mask(problem);
    return new StagehandServiceException(response.code(), headerMap(response.headers()), body, problem, null,
        summary(response, problem, exchange));
  }

  /** {@code 404 Not Found: Session not found (POST /v1/sessions/abc/act)}. */
  private static String summary(Response response, String message, Exchange exchange) {
    return response.code() + " " + reason(response) + ": " + message + " (" + exchange.description() + ")";
  }

  /**
   * The readable message of a JSON error body, whichever form the server used: {@code
   * {"error":"..."}}, {@code {"message":"..."}}, {@code {"error":[{"path":..,"message":..}]}}, {@code
   * {"error":"Request validation failed","issues":[...]}}, or {@code null} when none fits.
   */
  private static String messageOf(JsonNode json) {
    if (json.isArray()) {
      return issues(json);
    }
    JsonNode error = json.get("error");
    JsonNode issues = json.get("issues");
    String message = null;
    if (error != null && error.isTextual()) {
      message = error.textValue();
    } else if (error != null && error.isArray()) {
      message = issues(error);
    } else if (error != null && error.isObject()) {
      message = messageOf(error);
    }
    if (message == null) {
      JsonNode text = json.get("message");
      message = text != null && text.isTextual() ? text.textValue() : null;
    }
    if (issues != null && issues.isArray() && issues.size() > 0) {
      String detail = issues(issues);
      message = message == null ? detail : message + ": " + detail;
    }
    return message;
  }

  private static String issues(JsonNode list) {
    List<String> parts = new ArrayList<>();
    for (JsonNode issue : list) {
      if (!issue.isObject()) {
        parts.add(issue.asText());
        continue;
      }
      JsonNode path = issue.get("path");
      String where = path == null ? "" : path.isArray() ? join(path) : path.asText();
      String what = issue.path("message").asText(issue.toString());
      parts.add(where.isEmpty() ? what : where + ": " + what);
    }
    return String.join("; ", parts);
  }

  private static String join(JsonNode path) {
    StringBuilder joined = new StringBuilder();
    for (JsonNode part : path) {
      joined.append(joined.length() > 0 ? "." : "").append(part.asText());
    }
    return joined.toString();
  }

  private static JsonNode parseJson(String body) {
    String trimmed = body.trim();
    if (!(trimmed.startsWith("{") || trimmed.startsWith("["))) {
      return null;
    }
    try {
      return Json.MAPPER.readTree(trimmed);
    } catch (Exception notJson) {
      return null;
    }
  }

  /** A short plain-text rendering of a non-JSON body: an HTML page's title, or its text. */
  private static String textOf(String body) {
    Matcher title = TITLE.matcher(body);
    String text = title.find() ? title.group(1) : TAG.matcher(body).replaceAll(" ");
    text = text.replaceAll("\\s+", " ").trim();
    return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "..." : text;
  }

  /** The status line's reason phrase, or the standard one when it has none (HTTP/2). */
  private static String reason(Response response) {
    if (!response.message().isEmpty()) {
      return response.message();
    }
    switch (response.code()) {
      case 200: return "OK";
      case 400: return "Bad Request";
      case 401: return "Unauthorized";
      case 403: return "Forbidden";
      case 404: return "Not Found";
      case 408: return "Request Timeout";
      case 409: return "Conflict";
      case 415: return "Unsupported Media Type";
      case 422: return "Unprocessable Entity";
      case 429: return "Too Many Requests";
      case 500: return "Internal Server Error";
      case 502: return "Bad Gateway";
      case 503: return "Service Unavailable";
      case 504: return "Gateway Timeout";
      default: return "Error";
    }
  }

  /** Response headers as an unmodifiable map keyed by lower-case name. */
  static Map<String, List<String>> headerMap(Headers headers) {
    Map<String, List<String>> map = new TreeMap<>();
    for (String name : headers.names()) {
      map.put(name.toLowerCase(Locale.ROOT), Collections.unmodifiableList(headers.values(name)));
    }
    return Collections.unmodifiableMap(map);
  }
}
