package com.browserbase.stagehand.internal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.local.LocalServerException;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Local mode's start: the default browser, the server's account of a failure, and async cancellation. */
class LocalStartHookTest {
  private static final SessionStartParams START = SessionStartParams.builder().modelName("openai/gpt-5-nano").build();
  private final ServerOutput output = new ServerOutput("test");
  private final LocalStartHook hook = new LocalStartHook(new LocalBrowserDefaults(null, true, false), output);

  @Test
  void theRequestSentHasTheDefaultBrowser() {
    AtomicReference<SessionStartParams> sent = new AtomicReference<>();

    String started = hook.start(START, params -> {
      sent.set(params);
      return "started";
    });

    assertThat(started).isEqualTo("started");
    assertThat(sent.get().browser()).isPresent();
  }

  @Test
  void aFailedStartCarriesOnlyTheErrorsLoggedWhileItRan() {
    output.accept("{\"level\":\"error\",\"msg\":\"an older failure\"}", false);
    IllegalStateException failure = new IllegalStateException("500");

    assertThatThrownBy(() -> hook.start(START, params -> {
      output.accept("{\"level\":\"error\",\"msg\":\"Uncaught Exception:\",\"err\":{\"message\":\"spawn x ENOENT\"}}", false);
      throw failure;
    })).isSameAs(failure);
    assertThat(failure.getSuppressed()).hasSize(1);
    assertThat(((LocalServerException) failure.getSuppressed()[0]).output())
        .containsExactly("error: Uncaught Exception: (spawn x ENOENT)");
  }

  @Test
  void aFailedStartWithNothingLoggedIsLeftAsItIs() {
    IllegalStateException failure = new IllegalStateException("500");

    assertThatThrownBy(() -> hook.start(START, params -> {
      throw failure;
    })).isSameAs(failure);
    assertThat(failure.getSuppressed()).isEmpty();
  }

  @Test
  void anAsyncStartCompletesWithTheSameValueOrFailure() {
    IllegalStateException failure = new IllegalStateException("500");
    CompletableFuture<String> call = new CompletableFuture<>();
    CompletableFuture<String> started = hook.startAsync(START, params -> call);
    CompletableFuture<String> failing = hook.startAsync(START, params -> {
      output.accept("Failed: boom", true);
      CompletableFuture<String> failed = new CompletableFuture<>();
      failed.completeExceptionally(failure);
      return failed;
    });

    call.complete("started");

    assertThat(started.join()).isEqualTo("started");
    assertThatThrownBy(failing::join).isInstanceOf(CompletionException.class).hasCause(failure);
    assertThat(failure.getSuppressed()).hasSize(1);
  }

  @Test
  void cancellingAnAsyncStartCancelsItsCall() {
    CompletableFuture<String> call = new CompletableFuture<>();

    hook.startAsync(START, params -> call).cancel(true);

    assertThat(call).isCancelled();
  }
}
