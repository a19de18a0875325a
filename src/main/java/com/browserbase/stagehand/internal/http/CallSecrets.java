package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.internal.runtime.JsString;
import com.browserbase.stagehand.internal.runtime.KnownSecrets;
import com.browserbase.stagehand.internal.runtime.Models;
import com.browserbase.stagehand.internal.runtime.Redactor;
import com.browserbase.stagehand.internal.runtime.Secret;
import com.browserbase.stagehand.models.sessions.VariableValue;
import java.util.ArrayList;
import java.util.List;
import okhttp3.Headers;
import okhttp3.Request;

/**
 * The secrets one call knows, which its logs and exception messages mask ({@link KnownSecrets}):
 *
 * <ul>
 *   <li>the values of its headers whose names look secret ({@link Redactor#isSecretName}): the
 *       client's {@code x-bb-api-key} and {@code x-model-api-key}, however they were set, and any
 *       {@code Authorization} (with the credentials after its scheme, {@code Bearer} or {@code Basic},
 *       on their own too);
 *   <li>what its body's {@link Secret} fields hold: the values of its variables, as the server
 *       substitutes them ({@link JsString}) and as they were sent, a model's {@code apiKey}, a proxy's
 *       {@code password}, a private key, the values of header maps' secret-looking headers, the query
 *       values of a {@code cdpUrl} and the secret-looking ones of a page URL.
 * </ul>
 *
 * Collected only when a log line or an exception needs them (see {@link Exchange#secrets()}). Not API.
 */
final class CallSecrets {
  private CallSecrets() {}

  /** The secrets of {@code request}, whose body was made of {@code body} (a model, or {@code null}). */
  static KnownSecrets of(Request request, Object body) {
    List<String> secrets = new ArrayList<>();
    Headers headers = request.headers();
    for (int i = 0; i < headers.size(); i++) {
      if (Redactor.isSecretName(headers.name(i))) {
        credential(headers.value(i), secrets);
      }
    }
    Models.secrets(body, (show, name, value) -> add(show, name, value, secrets));
    return KnownSecrets.of(secrets);
  }

  private static void add(Secret.Show show, String name, Object value, List<String> secrets) {
    switch (show) {
      case KEYS:
        if (value instanceof VariableValue) {
          Object variable = ((VariableValue) value).value();
          secrets.add(JsString.of(variable)); // what the server types
          String sent = variable instanceof Number ? Json.write(variable) : null;
          if (sent != null && !sent.startsWith("\"")) {
            secrets.add(sent); // what was sent, should the server echo it: 1234.50, 1.0E21
          }
        } else if (value instanceof String && Redactor.isSecretName(name)) {
          credential((String) value, secrets);
        }
        break;
      case URL_WITHOUT_QUERY:
        secrets.addAll(Redactor.queryValues((String) value, false));
        break;
      case URL_SECRET_PARAMS:
        secrets.addAll(Redactor.queryValues((String) value, true));
        break;
      case ELEMENTS:
        break; // an action's arguments: placeholders (%name%), or text typed by the caller's choice
      default:
        secrets.add(value instanceof String ? (String) value : JsString.of(value));
    }
  }

  /** A credential header's value, and the credentials after its scheme ({@code Bearer abc}: {@code abc}). */
  private static void credential(String value, List<String> secrets) {
    secrets.add(value);
    int space = value.indexOf(' ');
    if (space > 0) {
      secrets.add(value.substring(space + 1).trim());
    }
  }

}
