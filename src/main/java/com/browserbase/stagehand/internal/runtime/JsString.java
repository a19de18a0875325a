package com.browserbase.stagehand.internal.runtime;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Collections;

/**
 * The text JavaScript's {@code String(value)} gives for a value the SDK sends as JSON: what the server makes of a
 * variable's value when it substitutes it (and so what the act cache and the log masking must look for). A number is
 * what Jackson writes, parsed to the nearest double as {@code JSON.parse} does, then written as ECMAScript's {@code
 * Number::toString} does ({@link #number}). So {@code BigDecimal 1234.50} is {@code "1234.5"}, {@code 1e21} is {@code
 * "1e+21"}, {@code 1e15} is {@code "1000000000000000"} and the long {@code 9007199254740993} is {@code
 * "9007199254740992"}, where {@link String#valueOf} gives other text. Not API.
 */
public final class JsString {
  /** Integers below this are exact doubles, and their shortest form is their digits. */
  private static final double EXACT_INTEGERS = 9007199254740992d; // 2^53

  private JsString() {}

  /** JavaScript's {@code String(value)} of a {@link String}, {@link Boolean} or {@link Number}; else {@code null}. */
  public static String of(Object value) {
    if (value instanceof String) {
      return (String) value;
    }
    if (value instanceof Boolean) {
      return value.toString();
    }
    if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      // JSON.parse rounds the digits to the nearest double, as the cast does
      return number((double) ((Number) value).longValue());
    }
    if (value instanceof Double) {
      return number((Double) value); // NaN and the infinities: Jackson writes them as the strings of the same text
    }
    if (value instanceof Float) {
      return number(Double.parseDouble(value.toString())); // Jackson writes Float.toString, not the float's exact double
    }
    if (value instanceof Number) {
      return ofJson(Json.write(value)); // BigDecimal, BigInteger, others: whatever Jackson writes
    }
    return null;
  }

  /** {@code String(JSON.parse(json))} for a JSON number or string. */
  private static String ofJson(String json) {
    if (json.startsWith("\"")) {
      try {
        return Json.MAPPER.readTree(json).textValue();
      } catch (java.io.IOException impossible) {
        return json; // Jackson wrote it
      }
    }
    return number(Double.parseDouble(json)); // JSON's number grammar is a subset of parseDouble's
  }

  /**
   * ECMAScript's {@code Number::toString(x)} (radix 10): {@code NaN}, {@code Infinity}, {@code "0"}
   * for both zeros, else the shortest decimal digits {@code s} (k of them, the one nearest {@code x}
   * when several qualify, the even one on a tie) with {@code s × 10^(n-k)} reading back as {@code
   * x}, written plainly when {@code -7 < n <= 21} and as {@code d.ddde±x} otherwise.
   */
  public static String number(double x) {
    if (Double.isNaN(x)) {
      return "NaN";
    }
    if (x == 0) {
      return "0";
    }
    if (Double.isInfinite(x)) {
      return x > 0 ? "Infinity" : "-Infinity";
    }
    if (x < 0) {
      return "-" + number(-x);
    }
    if (x < EXACT_INTEGERS && x == Math.rint(x)) {
      return Long.toString((long) x); // neighbours are 1 apart at most: no shorter digits read back as x
    }
    BigDecimal digits = shortest(x).stripTrailingZeros();
    String s = digits.unscaledValue().toString();
    int k = s.length();
    int n = k - digits.scale();
    if (k <= n && n <= 21) {
      return s + zeros(n - k);
    }
    if (0 < n && n <= 21) {
      return s.substring(0, n) + "." + s.substring(n);
    }
    if (-6 < n && n <= 0) {
      return "0." + zeros(-n) + s;
    }
    int e = n - 1;
    String exponent = "e" + (e < 0 ? "-" : "+") + Math.abs(e);
    return k == 1 ? s + exponent : s.charAt(0) + "." + s.substring(1) + exponent;
  }

  /** The decimal with the fewest significant digits that reads back as {@code x} (positive, finite); the nearest of those. */
  private static BigDecimal shortest(double x) {
    BigDecimal exact = new BigDecimal(x);
    for (int precision = 1; ; precision++) { // 17 digits always read back: the loop ends
      BigDecimal down = exact.round(new MathContext(precision, RoundingMode.DOWN));
      BigDecimal up = exact.round(new MathContext(precision, RoundingMode.UP));
      boolean downReads = Double.parseDouble(down.toString()) == x;
      boolean upReads = Double.parseDouble(up.toString()) == x;
      if (downReads && upReads) {
        int nearer = exact.subtract(down).compareTo(up.subtract(exact));
        if (nearer != 0) {
          return nearer < 0 ? down : up;
        }
        return down.unscaledValue().testBit(0) ? up : down; // a tie: the even one
      }
      if (downReads) {
        return down;
      }
      if (upReads) {
        return up;
      }
    }
  }

  private static String zeros(int count) {
    return String.join("", Collections.nCopies(count, "0"));
  }
}
