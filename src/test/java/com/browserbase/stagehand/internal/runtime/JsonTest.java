package com.browserbase.stagehand.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.cfg.PackageVersion;
import org.junit.jupiter.api.Test;

/**
 * The read limits of the SDK's mapper: chosen on purpose, not Jackson's defaults. Jackson has read
 * limits from 2.15 on; the tests of them are skipped on older Jackson (the jackson-floor profile).
 */
class JsonTest {
  private static final int JACKSON_MINOR = PackageVersion.VERSION.getMinorVersion();

  @Test
  void theMapperReadsStringsOfAnyLengthAndKeepsTheDepthAndNumberLimits() {
    assumeTrue(JACKSON_MINOR >= 15, "Jackson 2.15+ only: older versions have no read limits");
    StreamReadConstraints limits = Json.MAPPER.getFactory().streamReadConstraints();

    assertThat(limits.getMaxStringLength()).isEqualTo(Integer.MAX_VALUE);
    assertThat(limits.getMaxNestingDepth()).isEqualTo(1_000);
    assertThat(limits.getMaxNumberLength()).isEqualTo(StreamReadConstraints.DEFAULT_MAX_NUM_LEN);
  }

  @Test
  void aDocumentNestedDeeperThanTheLimitIsRejected() throws Exception {
    assumeTrue(JACKSON_MINOR >= 15, "Jackson 2.15+ only: older versions have no read limits");
    int depth = Json.ReadLimits.MAX_NESTING_DEPTH;
    assertThat(Json.MAPPER.readTree("[".repeat(depth) + "]".repeat(depth)).isArray()).isTrue();

    assertThatThrownBy(() -> Json.MAPPER.readTree("[".repeat(depth + 1) + "]".repeat(depth + 1)))
        .isInstanceOf(StreamConstraintsException.class)
        .hasMessageContaining("nesting depth (" + (depth + 1) + ") exceeds the maximum allowed (" + depth);
  }

  @Test
  void onJacksonBefore215TheMapperWorksWithoutLimits() throws Exception {
    assumeTrue(JACKSON_MINOR < 15, "Jackson 2.12-2.14 only");
    int depth = Json.ReadLimits.MAX_NESTING_DEPTH + 1;

    assertThat(Json.MAPPER.readTree("[".repeat(depth) + "]".repeat(depth)).isArray()).isTrue();
  }
}
