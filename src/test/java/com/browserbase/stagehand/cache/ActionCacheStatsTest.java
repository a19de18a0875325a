package com.browserbase.stagehand.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.internal.cache.ActCache;
import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/**
 * What a user reads off an {@link ActionCache} without a server: {@link ActionCache#stats()} as a value (a
 * snapshot, equal by its counts) and {@link ActionCache#status} of results that carry no known status. The
 * acts are made through the cache's flow with calls that answer at once (ActionCacheTest has the wire).
 */
class ActionCacheStatsTest {
  private static final String PAGE = "https://example.com/login";

  /** Calls that answer every act with {@code answer}. */
  private static ActCache.Calls answering(CompletableFuture<ActResultData> answer) {
    return new ActCache.Calls() {
      @Override
      public CompletableFuture<ActResultData> act(String instruction, ActOptions options) {
        return answer;
      }

      @Override
      public CompletableFuture<ActResultData> act(Action action, ActOptions options) {
        return answer;
      }
    };
  }

  private static ActResultData clicked() {
    return ActResultData.builder().success(true).message("clicked").actionDescription("Login button")
        .addAction(Action.builder().selector("xpath=/html/body/button").description("Login button").method("click").build())
        .build();
  }

  private static ActResultData result(String json) {
    try {
      return Json.convert(Json.MAPPER.readTree(json), ActResultData.class);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void statsAreASnapshotEqualByTheirCounts() {
    ActionCache cache = ActionCache.memory();
    ActionCache.Stats empty = cache.stats();

    ActCache.of(cache).actBlocking("click the login button", null, PAGE, answering(CompletableFuture.completedFuture(clicked())));
    ActCache.of(cache).actBlocking("click the login button", null, PAGE, answering(CompletableFuture.completedFuture(clicked())));
    ActionCache.Stats after = cache.stats();

    assertThat(empty).isEqualTo(ActionCache.memory().stats()).hasSameHashCodeAs(ActionCache.memory().stats());
    assertThat(empty.toString()).as("a snapshot: later acts do not change it").isEqualTo("Stats{hits=0, misses=0, heals=0}");
    assertThat(after).isEqualTo(cache.stats()).hasSameHashCodeAs(cache.stats()).isNotEqualTo(empty);
    assertThat(after.hits()).isEqualTo(1);
    assertThat(after.misses()).isEqualTo(1);
    assertThat(after.heals()).isZero();
    assertThat(after).isNotEqualTo("Stats{hits=1, misses=1, heals=0}").isNotEqualTo(null);
  }

  @Test
  void statusIsEmptyForAStatusTheSdkDoesNotKnowOrThatIsNotText() {
    String base = "{\"success\":true,\"message\":\"m\",\"actionDescription\":\"d\",\"actions\":[],\"cacheStatus\":";

    assertThat(ActionCache.status(result(base + "\"HEALED\"}"))).contains(ActionCache.Status.HEALED);
    assertThat(ActionCache.status(result(base + "\"STALE\"}"))).isEmpty();
    assertThat(ActionCache.status(result(base + "\"hit\"}"))).as("names are exact").isEmpty();
    assertThat(ActionCache.status(result(base + "1}"))).isEmpty();
    assertThatThrownBy(() -> ActionCache.status(null)).isInstanceOf(NullPointerException.class).hasMessage("result == null");
  }

  @Test
  void aBlockingActRethrowsWhatTheCallThrewAsItIs() {
    ActCache cache = ActCache.inMemory();
    StackOverflowError error = new StackOverflowError("deep");
    CompletableFuture<ActResultData> failedWithError = new CompletableFuture<>();
    failedWithError.completeExceptionally(error);
    CompletableFuture<ActResultData> failedWithChecked = new CompletableFuture<>();
    failedWithChecked.completeExceptionally(new IOException("disk gone"));

    assertThatThrownBy(() -> cache.actBlocking("click", null, PAGE, answering(failedWithError))).isSameAs(error);
    assertThatThrownBy(() -> cache.actBlocking("click", null, PAGE, answering(failedWithChecked)))
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(IOException.class)
        .hasRootCauseMessage("disk gone");
    assertThat(cache.misses()).as("both counted").isEqualTo(2);
    assertThat(cache.toString()).isEqualTo("memory");
  }
}
