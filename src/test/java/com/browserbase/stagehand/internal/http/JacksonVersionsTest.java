package com.browserbase.stagehand.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.internal.http.JacksonVersions.Annotations;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Jackson version check of {@code build()}, proven on real jars: the SDK is loaded in a class loader
 * of its own beside the Jackson jars the build copied to {@code target/jackson-jars} (pom.xml,
 * execution {@code jackson-jars}): the mix that broke a user, and every artifact at the floor.
 */
class JacksonVersionsTest {
  private static final Path JARS = Paths.get("target", "jackson-jars");
  private static final String START_OK = """
      {"success":true,"data":{"sessionId":"s-1","available":true}}""";
  private static final String ACT_OK = """
      {"success":true,"data":{"result":{"success":true,"message":"done","actionDescription":"clicked","actions":[]}}}""";

  private final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws IOException {
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void annotations219BesideDatabind222FailAtTheFirstCallWithoutTheCheck() throws Exception {
    try (URLClassLoader sdk = sdkBeside(JARS.resolve("mix"))) {
      Throwable failure = probeFailure(sdk, "writeJson");

      assertThat(rootCause(failure))
          .isInstanceOf(ClassNotFoundException.class)
          .hasMessageContaining("com.fasterxml.jackson.annotation.JsonSerializeAs");
      assertThat(causes(failure)).anySatisfy(cause -> assertThat(cause)
          .isInstanceOf(NoClassDefFoundError.class)
          .hasMessageContaining("com/fasterxml/jackson/annotation/JsonSerializeAs"));
    }
  }

  @Test
  void buildingAClientOnThatMixFailsWithTheVersionsAndTheFixBeforeAnythingIsSent() throws Exception {
    try (URLClassLoader sdk = sdkBeside(JARS.resolve("mix"))) {
      Throwable failure = probeFailure(sdk, "startAndAct", server.url("/").toString());

      assertThat(failure)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("Incompatible Jackson versions on the class path: jackson-annotations 2.19.2, jackson-core "
              + Version.JACKSON + ", jackson-databind " + Version.JACKSON + "; jackson-annotations must not be"
              + " older than jackson-databind (a mix like this fails at the first call with NoClassDefFoundError or"
              + " NoSuchMethodError). Align the three, for example by importing com.fasterxml.jackson:jackson-bom:"
              + Version.JACKSON + " in your build's dependency management (Gradle: platform(\"com.fasterxml.jackson:"
              + "jackson-bom:" + Version.JACKSON + "\")). This SDK was built with Jackson " + Version.JACKSON
              + " and supports 2.12 and newer.");
      assertThat(server.getRequestCount()).isZero();
    }
  }

  @Test
  void everyArtifactAtTheFloorPassesTheCheckAndRunsTheCalls() throws Exception {
    server.enqueue(json(START_OK));
    server.enqueue(json(ACT_OK));
    try (URLClassLoader sdk = sdkBeside(JARS.resolve("floor"))) {
      assertThat(sdk.loadClass("com.fasterxml.jackson.databind.cfg.PackageVersion").getField("VERSION").get(null))
          .hasToString("2." + JacksonVersions.FLOOR_MINOR + ".7");

      Object message = sdk.loadClass(JacksonProbe.class.getName())
          .getMethod("startAndAct", String.class).invoke(null, server.url("/").toString());

      assertThat(message).isEqualTo("done");
      assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/sessions/start");
      assertThat(server.takeRequest().getTarget()).isEqualTo("/v1/sessions/s-1/act");
    }
  }

  @Test
  void theJacksonOfThisBuildPassesTheCheck() {
    assertThatCode(JacksonVersions::check).doesNotThrowAnyException();
  }

  @Test
  void aloneTheSameMinorVersionsPass() {
    assertThat(JacksonVersions.problem(Annotations.exact("2.22"), "2.22.4", "2.22.1")).isNull();
    assertThat(JacksonVersions.problem(Annotations.exact("2.12.7"), "2.12.7", "2.12.7")).isNull();
    assertThat(JacksonVersions.problem(Annotations.exact("2.23"), "2.22.4", "2.22.4"))
        .as("annotations newer than databind").isNull();
  }

  @Test
  void coreAndDatabindOfDifferentMinorVersionsFail() {
    assertThat(JacksonVersions.problem(Annotations.exact("2.22"), "2.21.2", "2.22.4"))
        .startsWith("Incompatible Jackson versions on the class path: jackson-annotations 2.22, jackson-core 2.21.2,"
            + " jackson-databind 2.22.4; jackson-core and jackson-databind must have the same minor version")
        .contains("jackson-bom:2.22.4");
    assertThat(JacksonVersions.problem(Annotations.exact("2.22"), "2.22.4", "2.21.2"))
        .contains("must have the same minor version").contains("jackson-bom:2.21.2");
  }

  @Test
  void anythingOlderThanTheFloorFails() {
    assertThat(JacksonVersions.problem(Annotations.exact("2.11.4"), "2.11.4", "2.11.4"))
        .contains("; the SDK needs Jackson 2.12 or newer")
        .contains("jackson-bom:" + Version.JACKSON);
    assertThat(JacksonVersions.problem(Annotations.exact("2.10.5"), "2.22.4", "2.22.4"))
        .contains("the SDK needs Jackson 2.12 or newer");
  }

  @Test
  void missingArtifactsAreNamed() {
    assertThat(JacksonVersions.problem(Annotations.exact("2.22"), null, "2.22.4"))
        .contains("jackson-core (missing)").contains("; jackson-core is missing or unreadable");
    assertThat(JacksonVersions.problem(Annotations.between(0, 0), "2.22.4", "2.22.4"))
        .contains("jackson-annotations (missing)").contains("the SDK needs Jackson 2.12 or newer");
  }

  @Test
  void annotationsOfUnrecordedVersionFailOnlyWhenCertainlyOlder() {
    // A shaded jar lost its manifest and pom.properties: JsonSerializeAs (2.21) is there, JsonApplyView (2.22) not.
    Annotations from221 = Annotations.between(21, 22);
    assertThat(JacksonVersions.problem(from221, "2.22.4", "2.22.4"))
        .contains("jackson-annotations 2.21 or newer (its jar does not say which)")
        .contains("jackson-annotations must not be older than jackson-databind");
    assertThat(JacksonVersions.problem(from221, "2.21.2", "2.21.2")).isNull();
    // JacksonInject#optional (2.19) there, JsonSerializeAs (2.21) not: 2.19 or 2.20, too old only for 2.21+.
    Annotations from219 = Annotations.between(19, 21);
    assertThat(JacksonVersions.problem(from219, "2.20.1", "2.20.1")).as("cannot tell: passes").isNull();
    assertThat(JacksonVersions.problem(from219, "2.21.2", "2.21.2")).isNotNull();
  }

  @Test
  void minorVersionsAreReadFromAnyVersionString() {
    assertThat(JacksonVersions.minor("2.22.4")).isEqualTo(22);
    assertThat(JacksonVersions.minor("2.20")).isEqualTo(20);
    assertThat(JacksonVersions.minor("2.12.7-SNAPSHOT")).isEqualTo(12);
    assertThat(JacksonVersions.minor("3.0.0")).isEqualTo(-1);
    assertThat(JacksonVersions.minor("unknown")).isEqualTo(-1);
    assertThat(JacksonVersions.minor(null)).isEqualTo(-1);
  }

  /**
   * A class loader with the SDK's classes, the probe, OkHttp, SLF4J and Logback, and the Jackson jars
   * of {@code jackson}; its parent is the platform loader, so the test's own Jackson is out of sight.
   */
  private static URLClassLoader sdkBeside(Path jackson) throws IOException {
    assertThat(jackson).as("copied by the build (mvn generate-test-resources)").isDirectory();
    List<URL> urls = new ArrayList<>();
    for (Class<?> type : new Class<?>[] {JacksonVersions.class, JacksonProbe.class, okhttp3.OkHttpClient.class,
        okio.Buffer.class, kotlin.Unit.class, org.slf4j.Logger.class, ch.qos.logback.classic.Logger.class,
        ch.qos.logback.core.Appender.class}) {
      urls.add(type.getProtectionDomain().getCodeSource().getLocation());
    }
    try (Stream<Path> jars = Files.list(jackson)) {
      for (Path jar : (Iterable<Path>) jars.sorted()::iterator) {
        urls.add(jar.toUri().toURL());
      }
    }
    return new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
  }

  /** What the probe's method threw, unwrapped from reflection. */
  private static Throwable probeFailure(ClassLoader sdk, String method, Object... args) throws Exception {
    Class<?>[] types = new Class<?>[args.length];
    java.util.Arrays.fill(types, String.class);
    try {
      Object result = sdk.loadClass(JacksonProbe.class.getName()).getMethod(method, types).invoke(null, args);
      throw new AssertionError(method + " did not fail; it returned " + result);
    } catch (InvocationTargetException e) {
      return e.getCause();
    }
  }

  private static List<Throwable> causes(Throwable failure) {
    List<Throwable> causes = new ArrayList<>();
    for (Throwable t = failure; t != null && !causes.contains(t); t = t.getCause()) {
      causes.add(t);
    }
    return causes;
  }

  private static Throwable rootCause(Throwable failure) {
    List<Throwable> causes = causes(failure);
    return causes.get(causes.size() - 1);
  }

  private static MockResponse json(String body) {
    return new MockResponse.Builder().addHeader("Content-Type", "application/json").body(body).build();
  }
}
