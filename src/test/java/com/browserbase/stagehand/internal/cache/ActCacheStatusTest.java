package com.browserbase.stagehand.internal.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.cache.ActionCache;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ActCacheStatusTest {
  @Test
  void theStatusesTheCacheWritesAreThoseActionCacheReads() {
    assertThat(Arrays.stream(ActionCache.Status.values()).map(Enum::name).collect(Collectors.toList()))
        .containsExactly(ActCache.HIT, ActCache.MISS, ActCache.HEALED);
  }
}
