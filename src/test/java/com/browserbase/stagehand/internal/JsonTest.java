package com.browserbase.stagehand.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import org.junit.jupiter.api.Test;

/** The read limits of the SDK's mapper: chosen on purpose, not Jackson's defaults. */
class JsonTest {
  @Test
  void theMapperReadsStringsOfAnyLengthAndKeepsTheDepthAndNumberLimits() {
    StreamReadConstraints limits = Json.MAPPER.getFactory().streamReadConstraints();

    assertThat(limits.getMaxStringLength()).isEqualTo(Integer.MAX_VALUE);
    assertThat(limits.getMaxNestingDepth()).isEqualTo(1_000);
    assertThat(limits.getMaxNumberLength()).isEqualTo(StreamReadConstraints.DEFAULT_MAX_NUM_LEN);
  }

  @Test
  void aDocumentNestedDeeperThanTheLimitIsRejected() throws Exception {
    int depth = Json.ReadLimits.MAX_NESTING_DEPTH;
    assertThat(Json.MAPPER.readTree("[".repeat(depth) + "]".repeat(depth)).isArray()).isTrue();

    assertThatThrownBy(() -> Json.MAPPER.readTree("[".repeat(depth + 1) + "]".repeat(depth + 1)))
        .isInstanceOf(StreamConstraintsException.class)
        .hasMessageContaining("nesting depth (" + (depth + 1) + ") exceeds the maximum allowed (" + depth);
  }
}
