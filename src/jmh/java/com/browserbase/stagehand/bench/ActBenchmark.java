package com.browserbase.stagehand.bench;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.internal.http.Version;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.SessionActParams;
import com.browserbase.stagehand.models.sessions.SessionActResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
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
 * A blocking {@code act} over loopback: the SDK's {@code sessions().act(params)} against plain
 * OkHttp + Jackson sending the same request (checked byte for byte in the setup) and binding the
 * whole response.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class ActBenchmark {
  static final MediaType JSON = MediaType.get("application/json");

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
    loopback = CannedServer.start(server, CannedResponse.json(Payloads.ACT_RESPONSE));
    // One connection pool for both sides: the SDK builds on the baseline's client (as an application
    // passing its own OkHttpClient would), so both use the same keep-alive connection and server thread.
    http = Baseline.httpClient();
    StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder()
        .okHttpClient(http)
        .baseUrl(loopback.baseUrl())
        .browserbaseApiKey(Payloads.API_KEY)
        .modelApiKey(Payloads.MODEL_API_KEY);
    sdk = Listeners.apply(builder, listener).build();
    sessionsUrl = HttpUrl.get(loopback.baseUrl()).newBuilder().addPathSegments("v1/sessions").build();
    checkSameExchange(loopback,
        () -> callSdk().data().result().success(), () -> callBaseline().data.result.success);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    sdk.close();
    Listeners.checkHeard(listener);
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
    loopback.close();
  }

  @Benchmark
  public SessionActResponse sdk(CallerCpu cpu) {
    SessionActResponse response = callSdk();
    cpu.ops++;
    return response;
  }

  @Benchmark
  public Baseline.ActResponse baseline(CallerCpu cpu) throws IOException {
    Baseline.ActResponse response = callBaseline();
    cpu.ops++;
    return response;
  }

  /** One SDK call and one baseline call, timed separately: see {@link Paired}. */
  @Benchmark
  public void paired(Paired pair, CallerCpu cpu, Blackhole blackhole) throws Exception {
    pair.run(this::callSdk, this::callBaseline, blackhole);
    cpu.ops++;
  }

  private SessionActResponse callSdk() {
    SessionActParams params = SessionActParams.builder()
        .id(Payloads.SESSION_ID)
        .input(Payloads.INSTRUCTION)
        .options(ActOptions.builder().putVariable("username", "alice").timeout(30_000).build())
        .build();
    return sdk.sessions().act(params);
  }

  private Baseline.ActResponse callBaseline() throws IOException {
    Baseline.ActRequest body = new Baseline.ActRequest();
    body.input = Payloads.INSTRUCTION;
    body.options = new Baseline.ActOptions();
    body.options.variables = Map.of("username", "alice");
    body.options.timeout = 30_000;
    Request request = new Request.Builder()
        .url(sessionsUrl.newBuilder().addPathSegment(Payloads.SESSION_ID).addPathSegment("act").build())
        .header("User-Agent", Version.USER_AGENT)
        .header("x-sdk-version", Version.SDK)
        .header("x-bb-api-key", Payloads.API_KEY)
        .header("x-model-api-key", Payloads.MODEL_API_KEY)
        .header("Accept", "application/json")
        .post(RequestBody.create(Baseline.MAPPER.writeValueAsBytes(body), JSON))
        .build();
    Call call = http.newCall(request);
    call.timeout().timeout(Baseline.CALL_TIMEOUT_MINUTES, TimeUnit.MINUTES);
    try (Response response = call.execute()) {
      if (!response.isSuccessful()) {
        throw new IOException("HTTP " + response.code());
      }
      try (InputStream in = response.body().byteStream()) {
        return Baseline.MAPPER.readValue(in, Baseline.ActResponse.class);
      }
    }
  }

  interface Exchange {
    Object run() throws IOException;
  }

  /**
   * Runs one SDK and one baseline exchange and fails the setup unless both sent the same request
   * bytes (head and body) and got the same answer: the two sides do the same work.
   */
  static void checkSameExchange(CannedServer server, Exchange sdk, Exchange baseline) throws IOException {
    server.capture(true);
    Object sdkResult = sdk.run();
    byte[] sdkRequest = server.lastRequest();
    server.capture(true);
    Object baselineResult = baseline.run();
    byte[] baselineRequest = server.lastRequest();
    server.capture(false);
    if (!sdkResult.equals(baselineResult)) {
      throw new IllegalStateException("The SDK read " + sdkResult + ", the baseline " + baselineResult);
    }
    if (server instanceof LoopbackServer && (sdkRequest == null || baselineRequest == null)) {
      throw new IllegalStateException("The loopback server captured no request");
    }
    if (sdkRequest != null && !Arrays.equals(sdkRequest, baselineRequest)) {
      throw new IllegalStateException("The SDK and the baseline sent different requests:\n--- SDK\n"
          + new String(sdkRequest, StandardCharsets.UTF_8) + "\n--- baseline\n"
          + new String(baselineRequest, StandardCharsets.UTF_8));
    }
  }
}
