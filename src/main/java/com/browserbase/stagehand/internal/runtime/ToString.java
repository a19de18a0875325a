package com.browserbase.stagehand.internal.runtime;

import java.util.Map;

/**
 * Builds {@code Type{a=1, b=x}} strings for models, leaving out unset values and masking secrets.
 * Not API.
 */
public final class ToString {
  /** What a secret shows as. */
  public static final String REDACTED = "***";

  private final StringBuilder sb;
  private boolean first = true;

  private ToString(String type) {
    sb = new StringBuilder(64).append(type).append('{');
  }

  /** Starts the string of a {@code type}. */
  public static ToString of(String type) {
    return new ToString(type);
  }

  /** Adds {@code name=value} when the value is set. */
  public ToString add(String name, Object value) {
    if (value != null) {
      separator().append(name).append('=').append(value);
    }
    return this;
  }

  /** Adds {@code name=***} when the secret is set: its value never shows. */
  public ToString secret(String name, Object value) {
    if (value != null) {
      separator().append(name).append('=').append(REDACTED);
    }
    return this;
  }

  /** Adds a URL with its query masked: signed URLs carry their credentials there. */
  public ToString url(String name, String value) {
    if (value != null) {
      separator().append(name).append('=').append(Redactor.maskQuery(value));
    }
    return this;
  }

  /** Adds a URL with the values of its secret-looking parameters masked ({@link Redactor#maskSecretParams}). */
  public ToString urlParams(String name, String value) {
    if (value != null) {
      separator().append(name).append('=').append(Redactor.maskSecretParams(value));
    }
    return this;
  }

  /** Adds a list as {@code [***, ***]}: one mask per element, so that only their number shows. */
  public ToString elements(String name, java.util.Collection<?> list) {
    if (list != null) {
      separator().append(name).append('=').append('[');
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ", ").append(REDACTED);
      }
      sb.append(']');
    }
    return this;
  }

  /** Adds the map's keys with every value masked. */
  public ToString secretValues(String name, Map<String, ?> map) {
    if (map != null) {
      separator().append(name).append("={");
      boolean firstKey = true;
      for (String key : map.keySet()) {
        sb.append(firstKey ? "" : ", ").append(key).append('=').append(REDACTED);
        firstKey = false;
      }
      sb.append('}');
    }
    return this;
  }

  private StringBuilder separator() {
    if (!first) {
      sb.append(", ");
    }
    first = false;
    return sb;
  }

  @Override
  public String toString() {
    return sb.append('}').toString();
  }
}
