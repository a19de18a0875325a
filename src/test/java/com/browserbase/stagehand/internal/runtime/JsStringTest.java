package com.browserbase.stagehand.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JsString}: {@code String(value)} in JavaScript, of the value JSON.parse makes of what Jackson
 * writes. The expected texts are Node.js's ({@code node -p 'String(x)'}), where Java's {@link
 * String#valueOf} differs for most of them.
 */
class JsStringTest {
  static Stream<Arguments> doubles() {
    return Stream.of(
        // exponent thresholds: plain from 1e-7 (exclusive) up to 1e21 (exclusive)
        Arguments.of(1e21, "1e+21"),
        Arguments.of(9.99999999999999e20, "999999999999999000000"),
        Arguments.of(1e20, "100000000000000000000"),
        Arguments.of(1.2345e20, "123450000000000000000"),
        Arguments.of(1.5e21, "1.5e+21"),
        Arguments.of(1.2345678901234568e22, "1.2345678901234568e+22"),
        Arguments.of(1e-7, "1e-7"),
        Arguments.of(1.5e-7, "1.5e-7"),
        Arguments.of(1.2345e-7, "1.2345e-7"),
        Arguments.of(1e-6, "0.000001"),
        Arguments.of(1.5e-6, "0.0000015"),
        Arguments.of(1.23e-18, "1.23e-18"),
        // shortest round-trip digits
        Arguments.of(0.1, "0.1"),
        Arguments.of(0.1 + 0.2, "0.30000000000000004"),
        Arguments.of(1.0 / 3, "0.3333333333333333"),
        Arguments.of(2.0 / 3, "0.6666666666666666"),
        Arguments.of(4.35, "4.35"),
        Arguments.of(1234.5, "1234.5"),
        Arguments.of(123456789.12345679, "123456789.12345679"),
        Arguments.of(Math.pow(2, 60), "1152921504606847000"),
        Arguments.of(1e15, "1000000000000000"),
        Arguments.of(5e-324, "5e-324"),            // Java 8-18: "4.9E-324"
        Arguments.of(Double.MAX_VALUE, "1.7976931348623157e+308"),
        Arguments.of(2e-323, "2e-323"),
        Arguments.of(1e23, "1e+23"),
        Arguments.of(8.41e21, "8.41e+21"),
        Arguments.of(5e-7, "5e-7"),
        // integers, signs, zeros, non-finite
        Arguments.of(100.0, "100"),
        Arguments.of(9007199254740991.0, "9007199254740991"),
        Arguments.of(9007199254740992.0, "9007199254740992"),
        Arguments.of(-1.5, "-1.5"),
        Arguments.of(-1e21, "-1e+21"),
        Arguments.of(-0.0, "0"),
        Arguments.of(0.0, "0"),
        Arguments.of(Double.NaN, "NaN"),
        Arguments.of(Double.POSITIVE_INFINITY, "Infinity"),
        Arguments.of(Double.NEGATIVE_INFINITY, "-Infinity"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("doubles")
  void numbersAreWrittenAsEcmaScriptsNumberToString(double value, String expected) {
    assertThat(JsString.number(value)).isEqualTo(expected);
    assertThat(JsString.of(value)).isEqualTo(expected);
  }

  @Test
  void everyShortestFormReadsBackAsTheSameDouble() {
    java.util.Random random = new java.util.Random(42);
    for (int i = 0; i < 20_000; i++) {
      double x = Double.longBitsToDouble(random.nextLong());
      if (Double.isNaN(x) || Double.isInfinite(x)) {
        continue;
      }
      String text = JsString.number(x);
      assertThat(Double.parseDouble(text.replace("e+", "e"))).as(text).isEqualTo(x == 0 ? 0.0 : x);
      assertThat(text.replace("-", "").replace(".", "").replaceAll("e.*", "").replaceAll("^0+", "").replaceAll("0+$", "").length())
          .as("at most 17 significant digits: %s", text).isLessThanOrEqualTo(17);
    }
  }

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("hunter2", "hunter2"),
        Arguments.of("", ""),
        Arguments.of(true, "true"),
        Arguments.of(false, "false"),
        Arguments.of(42L, "42"),
        Arguments.of(-7, "-7"),
        Arguments.of((short) 3, "3"),
        Arguments.of((byte) -1, "-1"),
        // JSON.parse reads the digits as the nearest double
        Arguments.of(9007199254740993L, "9007199254740992"),
        Arguments.of(Long.MAX_VALUE, "9223372036854776000"),
        // Jackson writes a BigDecimal as it is; JavaScript reads a number
        Arguments.of(new BigDecimal("1234.50"), "1234.5"),
        Arguments.of(new BigDecimal("0.10"), "0.1"),
        Arguments.of(new BigDecimal("1E+21"), "1e+21"),
        Arguments.of(new BigDecimal("1E+3"), "1000"),
        Arguments.of(new BigDecimal("0.0000001"), "1e-7"),
        Arguments.of(new BigDecimal("-0.00"), "0"),
        Arguments.of(new BigDecimal("12345678901234567890.5"), "12345678901234567000"),
        Arguments.of(new BigInteger("1000000000000000000000"), "1e+21"),
        Arguments.of(new BigInteger("1" + "0".repeat(400)), "Infinity"),
        Arguments.of(new AtomicLong(5), "5"),
        // Jackson writes a Float as Float.toString
        Arguments.of(0.1f, "0.1"),
        Arguments.of(1e21f, "1e+21"));
  }

  @ParameterizedTest(name = "{0} ({1})")
  @MethodSource("values")
  void valuesAreTheTextJavaScriptMakesOfTheJsonSent(Object value, String expected) {
    assertThat(JsString.of(value)).isEqualTo(expected);
  }

  @Test
  void otherValuesHaveNoText() {
    assertThat(JsString.of(null)).isNull();
    assertThat(JsString.of(new Object())).isNull();
    assertThat(JsString.of(Json.MAPPER.createObjectNode())).isNull();
  }
}
