package com.browserbase.stagehand.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.AbstractMap.SimpleImmutableEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Assumptions;

/**
 * The official OpenAPI spec of the Stagehand API, read as a JSON tree. Its path comes from the system
 * property {@code stagehand.spec}; by default it is the shared spec, {@code
 * ../shared/spec/stagehand-openapi.v3.yaml} (relative to the project directory), where that is checked
 * out, and otherwise the project's own copy, {@code spec/stagehand-openapi.v3.yaml}, which the models are
 * generated from. When the spec is not there, tests that need it are skipped with one line saying so,
 * unless {@code CI=true} (or {@code -Dstagehand.spec.required=true}): a gate that a CI run could skip is
 * no gate, so there they fail.
 */
final class Spec {
  static final String PATH_PROPERTY = "stagehand.spec";
  static final String REQUIRED_PROPERTY = "stagehand.spec.required";
  static final String SHARED_PATH = "../shared/spec/stagehand-openapi.v3.yaml";
  static final String PROJECT_COPY = "spec/stagehand-openapi.v3.yaml";
  private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

  final Path path;
  final JsonNode root;

  private Spec(Path path, JsonNode root) {
    this.path = path;
    this.root = root;
  }

  static Path path() {
    String explicit = System.getProperty(PATH_PROPERTY);
    if (explicit != null) {
      return Paths.get(explicit).toAbsolutePath().normalize();
    }
    Path shared = Paths.get(SHARED_PATH).toAbsolutePath().normalize();
    return Files.isRegularFile(shared) ? shared : Paths.get(PROJECT_COPY).toAbsolutePath().normalize();
  }

  /** Whether a missing spec fails the tests that need it rather than skipping them: on CI. */
  static boolean required() {
    return "true".equalsIgnoreCase(System.getenv("CI")) || Boolean.getBoolean(REQUIRED_PROPERTY);
  }

  /**
   * The spec, or a skip (one line on the console, once per test JVM and reason) when it is missing; a
   * failure instead where it is {@linkplain #required() required}.
   */
  static Spec loadOrSkip(String what) {
    Path path = path();
    if (!Files.isRegularFile(path)) {
      missing(what, path);
    }
    return load(path);
  }

  /** Says that the spec is missing: a skip, or where it is {@linkplain #required() required} a failure. */
  static void missing(String what, Path path) {
    if (required()) {
      throw new AssertionError(what + " needs the OpenAPI spec, and there is none at " + path + " (set -D"
          + PATH_PROPERTY + "=PATH); it is required where CI=true or -D" + REQUIRED_PROPERTY + "=true");
    }
    skip(what + " skipped: no OpenAPI spec at " + path + " (set -D" + PATH_PROPERTY + "=PATH)");
  }

  /** A spec from a tree already read (the coverage test's self-check changes a copy). */
  static Spec of(Path path, JsonNode root) {
    return new Spec(path, root);
  }

  static Spec load(Path path) {
    try {
      return new Spec(path, new ObjectMapper(new YAMLFactory()).readTree(path.toFile()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the OpenAPI spec " + path, e);
    }
  }

  /** Says why once, then aborts the calling test (or all tests of a class, from {@code @BeforeAll}). */
  static void skip(String line) {
    if (SAID.add(line)) {
      System.out.println("[contract] " + line);
    }
    Assumptions.abort(line);
  }

  /** {@code info.version}. */
  String version() {
    return root.path("info").path("version").asText();
  }

  /** {@code components.schemas}. */
  JsonNode schemas() {
    return root.path("components").path("schemas");
  }

  /** The schema a {@code $ref} points to; the node itself when it is not a reference. */
  JsonNode resolve(JsonNode schema) {
    JsonNode current = schema;
    for (int hops = 0; current.has("$ref"); hops++) {
      if (hops > 20) {
        throw new IllegalStateException("$ref cycle at " + schema);
      }
      current = schemas().path(refName(current));
      if (current.isMissingNode()) {
        throw new IllegalStateException("Unresolved $ref " + schema.get("$ref").asText());
      }
    }
    return current;
  }

  /**
   * The properties of a JSON object in order (none for anything else). Not {@code JsonNode.properties()},
   * which is Jackson 2.15+: the tests also run against the oldest Jackson the SDK supports.
   */
  static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    node.fieldNames().forEachRemaining(name -> entries.add(new SimpleImmutableEntry<>(name, node.get(name))));
    return entries;
  }

  /** The schema name of a {@code #/components/schemas/NAME} reference, or null. */
  static String refName(JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref == null) {
      return null;
    }
    String text = ref.asText();
    String prefix = "#/components/schemas/";
    if (!text.startsWith(prefix)) {
      throw new IllegalStateException("Unsupported $ref " + text);
    }
    return text.substring(prefix.length());
  }
}
