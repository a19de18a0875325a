package com.browserbase.stagehand.internal.runtime;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.StringJoiner;

/** Builds {@code Type{a=1, b=x}} strings for models, leaving out unset values and masking secrets. Not API. */
public final class ToString {
  /** What a secret shows as. */
  public static final String REDACTED = "***";

  private final StringJoiner fields;

  private ToString(String type) {
    fields = new StringJoiner(", ", type + "{", "}");
  }

  /** Starts the string of a {@code type}. */
  public static ToString of(String type) {
    return new ToString(type);
  }

  /** Adds {@code name=value} when the value is set. */
  public ToString add(String name, Object value) {
    return value == null ? this : field(name, String.valueOf(value));
  }

  /** Adds {@code name=***} when the secret is set: its value never shows. */
  public ToString secret(String name, Object value) {
    return value == null ? this : field(name, REDACTED);
  }

  /** Adds a URL with its query masked: signed URLs carry their credentials there. */
  public ToString url(String name, String value) {
    return value == null ? this : field(name, Redactor.maskQuery(value));
  }

  /** Adds a URL with the values of its secret-looking parameters masked ({@link Redactor#maskSecretParams}). */
  public ToString urlParams(String name, String value) {
    return value == null ? this : field(name, Redactor.maskSecretParams(value));
  }

  /** Adds a list as {@code [***, ***]}: one mask per element, so that only their number shows. */
  public ToString elements(String name, Collection<?> list) {
    return list == null ? this : field(name, "[" + String.join(", ", Collections.nCopies(list.size(), REDACTED)) + "]");
  }

  /** Adds the map's keys with every value masked. */
  public ToString secretValues(String name, Map<String, ?> map) {
    if (map == null) {
      return this;
    }
    StringJoiner keys = new StringJoiner(", ", "{", "}");
    for (String key : map.keySet()) {
      keys.add(key + "=" + REDACTED);
    }
    return field(name, keys.toString());
  }

  private ToString field(String name, String text) {
    fields.add(name + "=" + text);
    return this;
  }

  @Override
  public String toString() {
    return fields.toString();
  }
}
