package com.browserbase.stagehand.internal.http;

import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.internal.runtime.Json;
import com.fasterxml.jackson.databind.ObjectReader;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * What an operation's answer is parsed into, and the checks every answer gets whether or not
 * response validation is on: an envelope that says {@code "success": false} is an error, and so is
 * an answer that cannot be used (a started session that is not available). Not API.
 *
 * @param <T> the response class
 */
public final class ResponseType<T> {
  final Class<T> type;
  /** Reads the response class: made once, as creating an {@link ObjectReader} per call costs. */
  final ObjectReader reader;
  final UnaryOperator<T> validator;
  private final Function<T, Boolean> success;
  private final Function<T, String> unusable;

  private ResponseType(Class<T> type, UnaryOperator<T> validator, Function<T, Boolean> success,
      Function<T, String> unusable) {
    this.type = type;
    this.reader = Json.MAPPER.readerFor(type);
    this.validator = validator;
    this.success = success;
    this.unusable = unusable;
  }

  /** A response class, its {@code validate()} and its {@code success()} accessor (which may throw when missing). */
  public static <T> ResponseType<T> of(Class<T> type, UnaryOperator<T> validator, Function<T, Boolean> success) {
    return new ResponseType<>(type, validator, success, value -> null);
  }

  /** This type, with a reason why an otherwise successful answer cannot be used, or {@code null}. */
  public ResponseType<T> unusableWhen(Function<T, String> reason) {
    return new ResponseType<>(type, validator, success, reason);
  }

  /** Whether the answer says {@code "success": false}; a missing flag does not. */
  boolean failed(T value) {
    try {
      return Boolean.FALSE.equals(success.apply(value));
    } catch (StagehandInvalidDataException missing) {
      return false;
    }
  }

  /** Why the answer cannot be used, or {@code null}; a missing property is left to the accessors. */
  String unusable(T value) {
    try {
      return unusable.apply(value);
    } catch (StagehandInvalidDataException missing) {
      return null;
    }
  }

  /** The response class's simple name, for messages. */
  String name() {
    return type.getSimpleName();
  }
}
