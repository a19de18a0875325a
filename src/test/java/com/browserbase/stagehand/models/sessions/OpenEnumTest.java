package com.browserbase.stagehand.models.sessions;

import static com.browserbase.stagehand.models.sessions.TestJson.parse;
import static com.browserbase.stagehand.models.sessions.TestJson.tree;
import static com.browserbase.stagehand.models.sessions.TestJson.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.core.OpenEnum;
import com.browserbase.stagehand.internal.runtime.Json;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The open enumerations: constants, unknown values, JSON, equality. */
class OpenEnumTest {
  /** Every enumeration of the models, with the values the spec lists. */
  static Stream<org.junit.jupiter.params.provider.Arguments> enumerations() {
    return Stream.of(
        enumeration(StreamEventStatus.class, "starting", "connected", "running", "finished", "error"),
        enumeration(StreamEventType.class, "system", "log"),
        enumeration(BrowserbaseRegion.class, "us-west-2", "us-east-1", "eu-central-1", "ap-southeast-1"),
        enumeration(ModelProvider.class, "openai", "anthropic", "google", "microsoft", "bedrock", "vertex", "azure"),
        enumeration(ModelConfig.OpenaiEndpointFormat.class, "responses", "chat"),
        enumeration(AgentConfig.Mode.class, "dom", "hybrid", "cua"),
        enumeration(NavigateOptions.WaitUntil.class, "load", "domcontentloaded", "networkidle"),
        enumeration(BrowserConfig.Type.class, "local", "browserbase"),
        enumeration(BrowserbaseBrowserSettings.Os.class, "windows", "mac", "linux", "mobile", "tablet"),
        enumeration(BrowserbaseFingerprint.Browser.class, "chrome", "edge", "firefox", "safari"),
        enumeration(BrowserbaseFingerprint.Device.class, "desktop", "mobile"),
        enumeration(BrowserbaseFingerprint.HttpVersion.class, "1", "2"),
        enumeration(BrowserbaseFingerprint.OperatingSystem.class, "android", "ios", "linux", "macos", "windows"));
  }

  private static org.junit.jupiter.params.provider.Arguments enumeration(
      Class<? extends OpenEnum> type, String... values) {
    return org.junit.jupiter.params.provider.Arguments.of(type.getSimpleName(), type, List.of(values));
  }

  static OpenEnum of(Class<? extends OpenEnum> type, String value) {
    try {
      Method of = type.getMethod("of", String.class);
      return (OpenEnum) of.invoke(null, value);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new AssertionError(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static List<OpenEnum> constants(Class<? extends OpenEnum> type) {
    List<OpenEnum> constants = new ArrayList<>();
    for (Field field : type.getFields()) {
      if (Modifier.isStatic(field.getModifiers()) && field.getType() == type) {
        try {
          constants.add((OpenEnum) field.get(null));
        } catch (IllegalAccessException e) {
          throw new AssertionError(e);
        }
      }
    }
    return constants;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumerations")
  void theConstantsAreExactlyTheSpecValues(String name, Class<? extends OpenEnum> type, List<String> values) {
    assertThat(constants(type)).extracting(OpenEnum::value).containsExactlyInAnyOrderElementsOf(values);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumerations")
  void ofAKnownValueGivesTheIdenticalConstant(String name, Class<? extends OpenEnum> type, List<String> values) {
    for (OpenEnum constant : constants(type)) {
      assertThat(of(type, constant.value())).isSameAs(constant);
      assertThat(constant.isKnown()).isTrue();
      assertThat(constant.toString()).isEqualTo(constant.value());
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumerations")
  void anUnknownValueIsKeptAndNotKnown(String name, Class<? extends OpenEnum> type, List<String> values) {
    OpenEnum unknown = of(type, "something-new");

    assertThat(unknown.isKnown()).isFalse();
    assertThat(unknown.value()).isEqualTo("something-new");
    assertThat(unknown.toString()).isEqualTo("something-new");
    assertThat(unknown).isInstanceOf(type);
    assertThat(constants(type)).doesNotContain(unknown);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumerations")
  void valuesCompareByValue(String name, Class<? extends OpenEnum> type, List<String> values) {
    OpenEnum a = of(type, "something-new");
    OpenEnum b = of(type, "something-new");
    OpenEnum other = of(type, "something-else");

    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(other);
    assertThat(of(type, values.get(0))).isEqualTo(of(type, values.get(0)));
    assertThat(of(type, values.get(0))).isNotEqualTo(of(type, "something-new"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("enumerations")
  void knownAndUnknownValuesRoundTripThroughJsonUnchanged(
      String name, Class<? extends OpenEnum> type, List<String> values) {
    for (String value : List.of(values.get(0), "something-new", "Mixed Case / 42")) {
      OpenEnum original = of(type, value);

      String json = Json.write(original);
      OpenEnum read = parse(json, type);

      assertThat(json).isEqualTo(Json.write(value));
      assertThat(read).isEqualTo(original);
      assertThat(read.value()).isEqualTo(value);
      assertThat(read.isKnown()).isEqualTo(values.contains(value));
    }
  }

  @Test
  void ofNullIsRejected() {
    assertThatThrownBy(() -> BrowserbaseRegion.of(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("value == null");
  }

  @Test
  void valuesAreCaseSensitive() {
    assertThat(StreamEventStatus.of("FINISHED")).isNotEqualTo(StreamEventStatus.FINISHED);
    assertThat(StreamEventStatus.of("FINISHED").isKnown()).isFalse();
  }

  @Test
  void enumerationsOfDifferentTypesWithTheSameValueAreNotEqual() {
    assertThat((Object) BrowserbaseBrowserSettings.Os.LINUX)
        .isNotEqualTo(BrowserbaseFingerprint.OperatingSystem.LINUX);
    assertThat((Object) BrowserbaseFingerprint.Device.MOBILE).isNotEqualTo(BrowserbaseBrowserSettings.Os.MOBILE);
  }

  @Test
  void unknownEnumValuesNestedInModelsRoundTripUnchanged() {
    String json = """
        {"browsers": ["chrome", "brave"], "devices": ["tv"], "httpVersion": "3",
         "operatingSystems": ["fuchsia", "linux"]}
        """;

    BrowserbaseFingerprint fingerprint = parse(json, BrowserbaseFingerprint.class);

    assertThat(fingerprint.browsers().get(0)).isSameAs(BrowserbaseFingerprint.Browser.CHROME);
    assertThat(fingerprint.browsers().get(1).isKnown()).isFalse();
    assertThat(fingerprint.browsers().get(1).value()).isEqualTo("brave");
    assertThat(fingerprint.httpVersion().orElseThrow().value()).isEqualTo("3");
    assertThat(fingerprint.operatingSystems().get(1)).isSameAs(BrowserbaseFingerprint.OperatingSystem.LINUX);
    assertThat(written(fingerprint)).isEqualTo(tree(json));
    assertThat(TestJson.roundTrip(fingerprint)).isEqualTo(fingerprint);
  }

  @Test
  void knownEnumValuesReadFromJsonAreTheConstants() {
    AgentConfig config = parse("{\"mode\": \"cua\", \"provider\": \"google\"}", AgentConfig.class);
    NavigateOptions options = parse("{\"waitUntil\": \"load\"}", NavigateOptions.class);

    assertThat(config.mode().orElseThrow()).isSameAs(AgentConfig.Mode.CUA);
    assertThat(config.provider().orElseThrow()).isSameAs(ModelProvider.GOOGLE);
    assertThat(options.waitUntil().orElseThrow()).isSameAs(NavigateOptions.WaitUntil.LOAD);
  }
}
