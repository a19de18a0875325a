package com.browserbase.stagehand.core;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An enumeration that stays open: besides its constants it holds any value a newer server sends,
 * and gives it back unchanged. Constants compare with {@code ==}; every value compares by {@link
 * #value()}.
 *
 * <pre>{@code
 * StreamEventStatus status = StreamEventStatus.of("paused");   // unknown to this SDK version
 * status.isKnown();  // false
 * status.value();    // "paused"
 * }</pre>
 */
public abstract class OpenEnum {
  private final String value;
  private final boolean known;

  /**
   * Creates a value; subclasses pass {@code known = true} for their constants only.
   *
   * @param value the wire value, not null
   * @param known whether this is one of the subclass's constants
   */
  protected OpenEnum(String value, boolean known) {
    if (value == null) {
      throw new NullPointerException("value == null");
    }
    this.value = value;
    this.known = known;
  }

  /** Indexes constants by value, for a subclass's {@code of(String)}. */
  @SafeVarargs
  protected static <E extends OpenEnum> Map<String, E> index(E... constants) {
    Map<String, E> map = new LinkedHashMap<>();
    for (E constant : constants) {
      map.put(constant.value(), constant);
    }
    return Collections.unmodifiableMap(map);
  }

  /** The value as it is on the wire. */
  @JsonValue
  public final String value() {
    return value;
  }

  /** Whether this value is one of the constants this SDK version knows. */
  public final boolean isKnown() {
    return known;
  }

  @Override
  public final boolean equals(Object o) {
    return o == this
        || (o != null && o.getClass() == getClass() && ((OpenEnum) o).value.equals(value));
  }

  @Override
  public final int hashCode() {
    return value.hashCode();
  }

  /** The wire value. */
  @Override
  public final String toString() {
    return value;
  }
}
