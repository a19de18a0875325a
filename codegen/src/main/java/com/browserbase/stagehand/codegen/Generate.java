package com.browserbase.stagehand.codegen;

import com.browserbase.stagehand.codegen.Model.Cls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Writes the models and the services from the spec: {@code Generate ROOT} reads {@code
 * ROOT/spec/stagehand-openapi.v3.yaml} and {@code ROOT/codegen/overrides.yaml}, {@code docs.yaml} and
 * {@code services.yaml}, and writes the model classes, {@code UnionDeserializers}, the service
 * interfaces and their implementations and {@code Operation}, each into its package of {@link Packages};
 * it deletes the generated files it no longer writes, wherever they are under {@code src/main/java}. Files without its header (hand-written
 * ones such as {@code VariableValue.java}) are left alone. Only files whose content changes are written.
 */
public final class Generate {
  private Generate() {}

  public static void main(String[] args) throws IOException {
    Path root = Paths.get(args.length > 0 ? args[0] : ".").toAbsolutePath().normalize();
    long start = System.nanoTime();
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    JsonNode spec = yaml.readTree(root.resolve("spec/stagehand-openapi.v3.yaml").toFile());
    JsonNode overrides = yaml.readTree(root.resolve("codegen/overrides.yaml").toFile());
    Map<String, String> docs = flatten(yaml.readTree(root.resolve("codegen/docs.yaml").toFile()));
    JsonNode services = yaml.readTree(root.resolve("codegen/services.yaml").toFile());

    Reader reader = new Reader(spec, overrides, docs);
    Map<String, Cls> classes = reader.read();
    JavaWriter writer = new JavaWriter(reader::formDoc, overrides.path("transport").path(0).asText());

    Map<Path, String> files = new LinkedHashMap<>();
    List<Cls> unions = new ArrayList<>();
    for (Cls c : classes.values()) {
      files.put(source(root, Packages.MODELS, c.name), writer.file(c));
      if (c.kind == Cls.Kind.INTERFACE) {
        unions.add(c);
      }
    }
    files.put(source(root, Packages.of("UnionDeserializers"), "UnionDeserializers"), writer.deserializers(unions));
    new ServiceWriter(reader.operations(), classes, overrides, services, reader::operationDoc).files()
        .forEach((name, text) -> files.put(source(root, Packages.of(name), name), text));
    reader.checkDocsUsed();

    int changed = 0;
    for (Map.Entry<Path, String> file : files.entrySet()) {
      if (!Files.exists(file.getKey()) || !Files.readString(file.getKey()).equals(file.getValue())) {
        Files.createDirectories(file.getKey().getParent());
        Files.writeString(file.getKey(), file.getValue(), StandardCharsets.UTF_8);
        changed++;
      }
    }
    // anywhere, so that a file left behind by a move to another package (Packages) goes as well
    Set<String> deleted = new TreeSet<>();
    try (Stream<Path> existing = Files.walk(root.resolve("src/main/java"))) {
      for (Path path : (Iterable<Path>) existing::iterator) {
        if (!files.containsKey(path) && isGenerated(path)) {
          Files.delete(path);
          deleted.add(root.relativize(path).toString());
        }
      }
    }
    for (String warning : reader.warnings()) {
      System.err.println("[codegen] warning: " + warning);
    }
    System.out.printf("[codegen] %d files from %s (%s): %d changed%s, in %d ms%n", files.size(),
        root.relativize(root.resolve("spec/stagehand-openapi.v3.yaml")), spec.path("info").path("version").asText(),
        changed, deleted.isEmpty() ? "" : ", deleted " + deleted, (System.nanoTime() - start) / 1_000_000);
  }

  private static Path source(Path root, String pkg, String name) {
    return root.resolve("src/main/java/" + pkg.replace('.', '/') + "/" + name + ".java");
  }

  private static boolean isGenerated(Path path) throws IOException {
    if (!path.toString().endsWith(".java")) {
      return false;
    }
    List<String> lines = Files.readAllLines(path);
    return !lines.isEmpty() && lines.get(0).startsWith(JavaWriter.MARK);
  }

  /**
   * docs.yaml: {@code Class: text}, {@code Class.property: text}, {@code forms: {accessor: text}} and {@code
   * operations: {method: text}}.
   */
  private static Map<String, String> flatten(JsonNode docs) {
    Map<String, String> flat = new LinkedHashMap<>();
    docs.properties().forEach(e -> {
      if (e.getValue().isObject()) {
        e.getValue().properties().forEach(f -> flat.put(e.getKey() + "." + f.getKey(), f.getValue().asText().trim()));
      } else {
        flat.put(e.getKey(), e.getValue().asText().trim());
      }
    });
    return flat;
  }
}
