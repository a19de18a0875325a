package com.browserbase.stagehand.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The read limits of the SDK's mapper: chosen on purpose, not Jackson's defaults. Jackson has read
 * limits from 2.15 on; on older Jackson (the jackson-floor profile) the mapper's parsers enforce the
 * depth and number limits themselves, so the same documents fail on every version.
 */
class JsonTest {
  private static final int JACKSON_MINOR = PackageVersion.VERSION.getMinorVersion();
  private static final int DEPTH = Json.ReadLimits.MAX_NESTING_DEPTH;

  /** A bean that keeps one property and skips any other (the mapper does not fail on unknown ones). */
  public static final class Kept {
    public JsonNode kept;
  }

  @Test
  void theMapperLeavesStringsToTheClientsByteBoundAndKeepsTheDepthAndNumberLimits() {
    assumeTrue(JACKSON_MINOR >= 15, "Jackson 2.15+ only: older versions have no StreamReadConstraints");
    StreamReadConstraints limits = Json.MAPPER.getFactory().streamReadConstraints();

    assertThat(limits.getMaxStringLength()).isEqualTo(Integer.MAX_VALUE);
    assertThat(limits.getMaxNestingDepth()).isEqualTo(1_000);
    assertThat(limits.getMaxNumberLength()).isEqualTo(StreamReadConstraints.DEFAULT_MAX_NUM_LEN);
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  void aDocumentNestedDeeperThanTheLimitIsRejectedOnEveryJackson() throws Exception {
    assertThat(Json.MAPPER.readTree(nested(DEPTH)).isArray()).isTrue();

    assertThatThrownBy(() -> Json.MAPPER.readTree(nested(DEPTH + 1)))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("nesting depth (" + (DEPTH + 1) + ") exceeds the maximum allowed (" + DEPTH);
  }

  @Test
  void aVeryDeepDocumentFailsAsInvalidJsonNotWithAStackOverflow() {
    String deep = "{\"kept\":" + nested(100_000) + "}";
    byte[] bytes = deep.getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> Json.MAPPER.readTree(deep)).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> Json.MAPPER.readTree(new ByteArrayInputStream(bytes))).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> Json.MAPPER.readValue(bytes, Kept.class)).isInstanceOf(JsonProcessingException.class);
    assertThatThrownBy(() -> Json.MAPPER.readerFor(Kept.class).readValue(deep)).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void aDeepValueOfAnUnknownPropertyIsRejectedToo() {
    String skipped = "{\"other\":" + nested(100_000) + ",\"kept\":1}";

    assertThatThrownBy(() -> Json.MAPPER.readValue(skipped, Kept.class)).isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void aNumberLongerThanTheLimitIsRejectedOnEveryJackson() throws Exception {
    int max = Json.ReadLimits.MAX_NUMBER_LENGTH;
    assertThat(Json.MAPPER.readTree("{\"n\":" + "7".repeat(max) + "}").get("n").isBigInteger()).isTrue();

    assertThatThrownBy(() -> Json.MAPPER.readTree("{\"n\":" + "7".repeat(max + 1) + "}"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Number value length (" + (max + 1) + ") exceeds the maximum allowed (" + max);
    assertThatThrownBy(() -> Json.MAPPER.readValue("{\"kept\":" + "7".repeat(100_000) + "}", Kept.class))
        .isInstanceOf(JsonProcessingException.class);
  }

  @Test
  void theMapperStillCopies() throws Exception {
    assertThat(Json.MAPPER.copy().readTree("{\"a\":[1,{\"b\":true}]}").path("a").path(1).path("b").asBoolean()).isTrue();
  }

  /** Lifts Jackson's own limits on a factory (2.15+), so that only the wrapper's can fail. */
  static final class Unconstrained {
    static void apply(com.fasterxml.jackson.core.JsonFactory factory) {
      factory.setStreamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(Integer.MAX_VALUE).maxNumberLength(Integer.MAX_VALUE).build());
    }
  }

  @Test
  void theParserWrapperForJacksonBefore215EnforcesTheSameLimitsOnItsOwn() throws Exception {
    Json.OlderJacksonLimits.Factory factory = new Json.OlderJacksonLimits.Factory();
    try {
      Unconstrained.apply(factory); // on 2.15+, so that the test shows the wrapper's limits, not Jackson's
    } catch (LinkageError olderJackson) {
      // 2.12-2.14: Jackson has no limits of its own
    }
    com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper(factory)
        .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    int max = Json.ReadLimits.MAX_NUMBER_LENGTH;

    assertThat(mapper.readTree(nested(DEPTH)).isArray()).isTrue();
    assertThat(mapper.readValue("{\"other\":" + nested(DEPTH - 1) + ",\"kept\":[" + "7".repeat(max) + "]}", Kept.class)
        .kept.get(0).isBigInteger()).isTrue();
    assertThatThrownBy(() -> mapper.readTree(nested(DEPTH + 1)))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageStartingWith("Document nesting depth (" + (DEPTH + 1) + ") exceeds the maximum allowed (" + DEPTH + ")");
    assertThatThrownBy(() -> mapper.readValue("{\"other\":" + nested(DEPTH) + "}", Kept.class))
        .as("a value skipped as unknown is counted too")
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("nesting depth");
    assertThatThrownBy(() -> mapper.readTree(new ByteArrayInputStream(("[" + "7".repeat(max + 1) + "]").getBytes(StandardCharsets.UTF_8))))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageStartingWith("Number value length (" + (max + 1) + ") exceeds the maximum allowed (" + max + ")");
    assertThat(mapper.copy().readTree("[1]").get(0).intValue()).isEqualTo(1);
  }
}
