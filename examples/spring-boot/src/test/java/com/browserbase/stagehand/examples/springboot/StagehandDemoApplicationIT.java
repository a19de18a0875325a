package com.browserbase.stagehand.examples.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.core.events.CallEnded;
import com.browserbase.stagehand.core.events.CallListener;
import com.browserbase.stagehand.core.events.CallOutcome;
import com.browserbase.stagehand.e2e.FakeModel;
import com.browserbase.stagehand.e2e.RealStagehand;
import com.browserbase.stagehand.e2e.TestPage;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The demo application as it runs: a real Spring Boot application (web server, actuator, Micrometer) whose Stagehand
 * client comes from the starter and its properties, in local mode: the real Stagehand server with a real Chromium,
 * and the kit's scripted model. Checks what a user of the starter would: the acts work and the second request is
 * served by the action cache, the meters have the documented names and tags, the health indicator is UP and turns
 * DOWN when the server dies, and stopping the application ends the sessions still open.
 */
@ExtendWith(RealStagehand.class)
@Timeout(300)
class StagehandDemoApplicationIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  Path cache;

  /** Records the ends of calls, as a user's own CallListener bean would: the starter gives it every event. */
  static final class EndsRecorder implements CallListener {
    final List<CallEnded> ends = new CopyOnWriteArrayList<>();

    @Override
    public void callEnded(CallEnded event) {
      ends.add(event);
    }
  }

  private ConfigurableApplicationContext start(RealStagehand.Stack stack, EndsRecorder recorder) {
    return new SpringApplicationBuilder(StagehandDemoApplication.class)
        .initializers(context -> context.getBeanFactory().registerSingleton("endsRecorder", recorder))
        // Command-line arguments, as an operator would give them: they win over application.properties.
        .run("--server.port=0",
            "--stagehand.local.enabled=true",
            "--stagehand.base-url=", // the application's default server is replaced by the one it starts
            "--stagehand.local.server=" + stack.localServer.server(),
            "--stagehand.local.chrome-path=" + stack.localServer.chromePath().map(Path::toString).orElse(""),
            // The model the server calls is the kit's: the server reads its base URL from its environment.
            "--stagehand.local.environment.OPENAI_BASE_URL=" + stack.model.baseUrl(),
            "--stagehand.model-api-key=" + FakeModel.API_KEY,
            "--stagehand.cache.directory=" + cache);
  }

  @Test
  void actsThroughTheCacheRecordsTheMetersAndEndsTheOpenSessionsOnShutdown(RealStagehand.Stack stack)
      throws Exception {
    EndsRecorder recorder = new EndsRecorder();
    String page = stack.page.serve("/boot/form", TestPage.HTML);
    String leftOpen;
    try (ConfigurableApplicationContext app = start(stack, recorder)) {
      JsonNode first = post(app, "/forms/submit", "{\"url\":\"" + page + "\",\"name\":\"Ada\"}");
      JsonNode second = post(app, "/forms/submit", "{\"url\":\"" + page + "\",\"name\":\"Ada\"}");
      assertThat(first.path("result").asText()).contains("Submitted: Ada");
      assertThat(second.path("result").asText()).contains("Submitted: Ada");

      MeterRegistry meters = app.getBean(MeterRegistry.class);
      // Events reach the meters on the client's listener thread: wait for the last ones.
      await(() -> count(meters, "stagehand.cache.acts", "HIT") == 2, "two cache hits");
      assertThat(count(meters, "stagehand.cache.acts", "MISS")).isEqualTo(2); // the first request's two acts
      Timer acts = meters.find("stagehand.client.requests")
          .tags("operation", "act", "outcome", "SUCCESS", "status", "200").timer();
      assertThat(acts).isNotNull();
      assertThat(acts.count()).isEqualTo(4); // two by the model, two replayed
      await(() -> timerCount(meters, "end") == 2, "two ends");
      assertThat(timerCount(meters, "start")).isEqualTo(2);
      assertThat(meters.find("stagehand.client.requests").timers())
          .allSatisfy(timer -> assertThat(timer.getId().getTags()).extracting("key")
              .containsExactlyInAnyOrder("operation", "outcome", "status", "error")); // Micrometer adds error; no session id
      assertThat(meters.get("stagehand.sessions.open").gauge().value()).isZero();

      JsonNode health = get(app, "/actuator/health/stagehand");
      assertThat(health.path("status").asText()).isEqualTo("UP");

      StagehandSession session = app.getBean(StagehandClient.class).sessions()
          .open(SessionStartParams.builder().modelName("openai/gpt-4o-mini").build());
      leftOpen = session.id();
      await(() -> meters.get("stagehand.sessions.open").gauge().value() == 1, "one open session");
    }
    // Closing the application closed the client, which ended the session left open.
    await(() -> recorder.ends.stream().anyMatch(end -> end.operation().equals("end")
        && end.sessionId().equals(Optional.of(leftOpen)) && end.outcome() == CallOutcome.SUCCESS),
        "the end of " + leftOpen);
  }

  @Test
  void healthIsUpThenDownOnceTheServerStops(RealStagehand.Stack stack) throws Exception {
    Set<Long> before = descendants();
    try (ConfigurableApplicationContext app = start(stack, new EndsRecorder())) {
      assertThat(get(app, "/actuator/health/stagehand").path("status").asText()).isEqualTo("UP");

      // The server this application started (and its supervisor): the processes that were not there before.
      List<ProcessHandle> server = ProcessHandle.current().descendants()
          .filter(process -> !before.contains(process.pid())).collect(Collectors.toList());
      assertThat(server).isNotEmpty();
      server.forEach(ProcessHandle::destroy);
      await(() -> server.stream().noneMatch(ProcessHandle::isAlive), "the server to stop");

      JsonNode down = get(app, "/actuator/health/stagehand");
      assertThat(down.path("status").asText()).isEqualTo("DOWN");
    }
  }

  private static Set<Long> descendants() {
    return ProcessHandle.current().descendants().map(ProcessHandle::pid).collect(Collectors.toSet());
  }

  private static double count(MeterRegistry meters, String name, String status) {
    return meters.find(name).tag("status", status).counters().stream().mapToDouble(c -> c.count()).sum();
  }

  private static long timerCount(MeterRegistry meters, String operation) {
    return meters.find("stagehand.client.requests").tag("operation", operation).timers().stream()
        .mapToLong(Timer::count).sum();
  }

  private static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  private static URI uri(ConfigurableApplicationContext app, String path) {
    int port = ((WebServerApplicationContext) app).getWebServer().getPort();
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private static JsonNode post(ConfigurableApplicationContext app, String path, String json)
      throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(app, path))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  /** The body of a GET, whatever its status (health answers 503 when DOWN). */
  private static JsonNode get(ConfigurableApplicationContext app, String path) throws IOException, InterruptedException {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri(app, path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
    return JSON.readTree(response.body());
  }
}
