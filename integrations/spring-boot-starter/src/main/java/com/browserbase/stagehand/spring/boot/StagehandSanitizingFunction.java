package com.browserbase.stagehand.spring.boot;

import java.util.Locale;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;

/**
 * Masks the starter's secrets in {@code /actuator/env} and {@code /actuator/configprops}, even with {@code
 * show-values=always}: the API keys, the cache's signing key and the local server's environment variables wholly, the Redis URI's user name and password. The
 * keys are matched in every form Boot shows them ({@code stagehand.model-api-key}, {@code stagehand.modelApiKey},
 * {@code STAGEHAND_MODEL_API_KEY}).
 */
final class StagehandSanitizingFunction implements SanitizingFunction {
  @Override
  public SanitizableData apply(SanitizableData data) {
    if (data.getValue() == null) {
      return data;
    }
    switch (canonical(data.getKey())) {
      case "stagehandbrowserbaseapikey":
      case "stagehandmodelapikey":
      case "stagehandcachesigningkey":
        return data.withSanitizedValue();
      case "stagehandcacheredisuri":
        return data.withValue(Secrets.withoutUserInfo(String.valueOf(data.getValue())));
      default:
        // stagehand.local.environment.X: a variable of the local server, which may be a key.
        return canonical(data.getKey()).startsWith("stagehandlocalenvironment") ? data.withSanitizedValue() : data;
    }
  }

  /** The key in lower case without separators: {@code stagehand.model-api-key} and its other forms alike. */
  private static String canonical(String key) {
    return key.toLowerCase(Locale.ROOT).replace(".", "").replace("-", "").replace("_", "");
  }
}
