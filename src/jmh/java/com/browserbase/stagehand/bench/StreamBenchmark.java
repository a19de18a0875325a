package com.browserbase.stagehand.bench;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.internal.http.Version;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okio.BufferedSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * A streamed {@code act} of {@value Payloads#STREAM_EVENTS} events (199 log and status lines, then
 * {@code finished} with the result), consumed whole: the SDK's {@code actStreaming(params).stream()}
 * against plain OkHttp reading lines with Okio's {@code readUtf8Line} and binding each {@code data:}
 * payload with Jackson. One operation is one whole stream; divide by 200 for a per-event figure.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class StreamBenchmark {
  /** The loopback server: {@code raw} (see {@link LoopbackServer}) or {@code mockwebserver}. */
  @Param({"raw"})
  public String server;

  /** The SDK client's call listener: {@code none}, {@code noop} or {@code counting} (see {@link Listeners}). */
  @Param({"none"})
  public String listener;

  private CannedServer loopback;
  private StagehandClient sdk;
  private OkHttpClient http;
  private HttpUrl sessionsUrl;

  @Setup(Level.Trial)
  public void setUp() throws IOException {
    loopback = CannedServer.start(server, CannedResponse.eventStream(Payloads.actStreamEvents()));
    // One connection pool for both sides: the SDK builds on the baseline's client (as an application
    // passing its own OkHttpClient would), so both use the same keep-alive connection and server thread.
    OkHttpClient base = Baseline.httpClient();
    http = Baseline.streamClient(base);
    StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder()
        .okHttpClient(base)
        .baseUrl(loopback.baseUrl())
        .browserbaseApiKey(Payloads.API_KEY)
        .modelApiKey(Payloads.MODEL_API_KEY);
    sdk = Listeners.apply(builder, listener).build();
    sessionsUrl = HttpUrl.get(loopback.baseUrl()).newBuilder().addPathSegments("v1/sessions").build();
    ActBenchmark.checkSameExchange(loopback, () -> callSdk(null), () -> callBaseline(null));
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    sdk.close();
    Listeners.checkHeard(listener);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    loopback.close();
  }

  /** Returns the number of events read. */
  @Benchmark
  public int sdk(Blackhole blackhole, CallerCpu cpu) {
    int events = callSdk(blackhole);
    cpu.ops++;
    return events;
  }

  /** Returns the number of events read. */
  @Benchmark
  public int baseline(Blackhole blackhole, CallerCpu cpu) throws IOException {
    int events = callBaseline(blackhole);
    cpu.ops++;
    return events;
  }

  /** One SDK stream and one baseline stream, timed separately: see {@link Paired}. */
  @Benchmark
  public void paired(Paired pair, CallerCpu cpu, Blackhole blackhole) throws Exception {
    pair.run(() -> callSdk(blackhole), () -> callBaseline(blackhole), blackhole);
    cpu.ops++;
  }

  /** Reads a whole stream; consumes each event into {@code blackhole} unless it is null. */
  private int callSdk(Blackhole blackhole) {
    SessionActParams params = SessionActParams.builder()
        .id(Payloads.SESSION_ID)
        .input(Payloads.INSTRUCTION)
        .options(ActOptions.builder().putVariable("username", "alice").timeout(30_000).build())
        .build();
    int events = 0;
    try (StreamResponse<StreamEvent> stream = sdk.sessions().actStreaming(params)) {
      Iterator<StreamEvent> it = stream.stream().iterator();
      while (it.hasNext()) {
        StreamEvent event = it.next();
        if (blackhole != null) {
          blackhole.consume(event);
        }
        events++;
      }
    }
    return check(events);
  }

  private int callBaseline(Blackhole blackhole) throws IOException {
    Baseline.ActRequest body = new Baseline.ActRequest();
    body.input = Payloads.INSTRUCTION;
    body.options = new Baseline.ActOptions();
    body.options.variables = Map.of("username", "alice");
    body.options.timeout = 30_000;
    body.streamResponse = Boolean.TRUE;
    Request request = new Request.Builder()
        .url(sessionsUrl.newBuilder().addPathSegment(Payloads.SESSION_ID).addPathSegment("act").build())
        .header("User-Agent", Version.USER_AGENT)
        .header("x-sdk-version", Version.SDK)
        .header("x-bb-api-key", Payloads.API_KEY)
        .header("x-model-api-key", Payloads.MODEL_API_KEY)
        .header("Accept", "text/event-stream, application/json;q=0.9")
        .header("x-stream-response", "true")
        .post(RequestBody.create(Baseline.MAPPER.writeValueAsBytes(body), ActBenchmark.JSON))
        .build();
    int events = 0;
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      BufferedSource source = response.body().source();
      String line;
      while ((line = source.readUtf8Line()) != null) {
        if (!line.startsWith("data:")) {
          continue; // blank line between frames
        }
        Baseline.Event event = Baseline.MAPPER.readValue(line.substring(line.startsWith("data: ") ? 6 : 5),
            Baseline.Event.class);
        if (blackhole != null) {
          blackhole.consume(event);
        }
        events++;
        if ("finished".equals(event.data.status)) {
          break;
        }
        if ("error".equals(event.data.status)) {
          throw new IOException("error event: " + event.data.error);
        }
      }
    }
    return check(events);
  }

  private static int check(int events) {
    if (events != Payloads.STREAM_EVENTS) {
      throw new IllegalStateException("read " + events + " events, expected " + Payloads.STREAM_EVENTS);
    }
    return events;
  }
}
