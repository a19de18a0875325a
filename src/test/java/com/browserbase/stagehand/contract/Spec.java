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
 * property {@code stagehand.spec} (default {@code ../shared/spec/stagehand-openapi.v3.yaml}, relative to
 * the project directory); when it is not there, tests that need it are skipped with one line saying so.
 */
final class Spec {
  static final String PATH_PROPERTY = "stagehand.spec";
  static final String DEFAULT_PATH = "../shared/spec/stagehand-openapi.v3.yaml";
  private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

  final Path path;
  final JsonNode root;

  private Spec(Path path, JsonNode root) {
    this.path = path;
    this.root = root;
  }

  static Path path() {
    return Paths.get(System.getProperty(PATH_PROPERTY, DEFAULT_PATH)).toAbsolutePath().normalize();
  }

  /** The spec, or a skip (one line on the console, once per test JVM and reason) when it is missing. */
  static Spec loadOrSkip(String what) {
    Path path = path();
    if (!Files.isRegularFile(path)) {
      skip(what + " skipped: no OpenAPI spec at " + path + " (set -D" + PATH_PROPERTY + "=PATH)");
    }
    return load(path);
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
