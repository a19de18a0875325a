package com.browserbase.stagehand.internal.runtime;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a model field whose value {@code toString()} must not show ({@link Models#toString}). Not API. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface Secret {
  /** How much of the value shows. */
  Show value() default Show.NOTHING;

  /** How much of a secret value {@code toString()} shows. */
  enum Show {
    /** {@code name=***}. */
    NOTHING,
    /** A map's keys, each value as {@code ***}: headers, variables. */
    KEYS,
    /** A URL without its query, where signed URLs carry their key. */
    URL_WITHOUT_QUERY,
    /** A URL with its secret-looking parameters' values as {@code ***}: a page's URL may carry a session or code. */
    URL_SECRET_PARAMS,
    /** A list as {@code [***, ***]}: an action's arguments carry the text it types (a variable's value, say). */
    ELEMENTS
  }
}
