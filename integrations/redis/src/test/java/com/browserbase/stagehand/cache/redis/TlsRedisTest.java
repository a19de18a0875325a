package com.browserbase.stagehand.cache.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rediss://}: a real {@code redis-server} serving TLS with a self-signed certificate for 127.0.0.1, made by the
 * JDK's keytool.
 */
@Timeout(120)
class TlsRedisTest {
  private static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

  @TempDir
  static Path dir;
  private static Path cert;
  private static Path key;

  @BeforeAll
  static void certificate() throws Exception {
    RedisServer.program();   // skips (or fails with CI=true) before any work when there is no redis-server
    Path keystore = dir.resolve("redis.p12");
    Path keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "redis", "-keyalg", "RSA",
        "-keysize", "2048", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-validity", "2",
        "-storetype", "PKCS12", "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
        .redirectErrorStream(true).redirectOutput(dir.resolve("keytool.log").toFile()).start();
    try {
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("keytool finished").isTrue();
      assertThat(process.exitValue()).as("keytool's exit status").isZero();
    } finally {
      process.destroyForcibly();
    }
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(keystore)) {
      store.load(in, "changeit".toCharArray());
    }
    cert = pem(dir.resolve("cert.pem"), "CERTIFICATE", store.getCertificate("redis").getEncoded());
    key = pem(dir.resolve("key.pem"), "PRIVATE KEY", store.getKey("redis", "changeit".toCharArray()).getEncoded());
  }

  private static Path pem(Path file, String type, byte[] der) throws IOException {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
    return Files.writeString(file, "-----BEGIN " + type + "-----\n" + base64 + "\n-----END " + type + "-----\n");
  }

  private static RedisServer tlsServer(int tlsPort) {
    return RedisServer.start(null, "--tls-port", String.valueOf(tlsPort), "--tls-cert-file", cert.toString(),
        "--tls-key-file", key.toString(), "--tls-ca-cert-file", cert.toString(), "--tls-auth-clients", "no");
  }

  @Test
  void aTlsServerWhoseCaIsTrustedServesTheStore() throws IOException {
    int tlsPort = RedisServer.freePort();
    try (RedisServer redis = tlsServer(tlsPort);
         RedisActionCacheStore store = RedisActionCacheStore.builder().uri("rediss://127.0.0.1:" + tlsPort)
             .trustedCertificates(cert).build()) {
      store.put(KEY, "{\"version\":1}");

      assertThat(store.get(KEY)).contains("{\"version\":1}");
      assertThat(redis.string("GET", "stagehand:act:" + KEY)).isEqualTo("{\"version\":1}");
      assertThat(store.toString()).startsWith("RedisActionCacheStore{rediss://127.0.0.1:" + tlsPort + ",");
    }
  }

  @Test
  void aTlsServerWhoseCertificateIsNotTrustedFailsTheBuildClearly() {
    int tlsPort;
    try {
      tlsPort = RedisServer.freePort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    try (RedisServer redis = tlsServer(tlsPort)) {
      assertThat(redis.isRunning()).isTrue();
      Throwable failure = catchThrowable(() -> RedisActionCacheStore.builder()
          .uri("rediss://:tls-pw-secret@127.0.0.1:" + tlsPort).build().close());

      assertThat(failure).isInstanceOf(IllegalStateException.class)
          .hasMessageStartingWith("Cannot connect to the Redis action cache store at 127.0.0.1:" + tlsPort
              + " (rediss://:***@127.0.0.1:" + tlsPort + "): ")
          .hasMessageContaining("certification path");
      assertThat(RedisActionCacheStoreTest.stackTrace(failure)).doesNotContain("tls-pw-secret");
    }
  }

  @Test
  void trustedCertificatesNeedATlsUri() {
    assertThat(catchThrowable(() -> RedisActionCacheStore.builder().uri("redis://127.0.0.1:6379")
        .trustedCertificates(cert).build()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("trustedCertificates needs a rediss:// URI (TLS), not redis://127.0.0.1:6379");
  }
}
