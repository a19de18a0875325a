package com.browserbase.stagehand.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.client.StagehandClient;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * Compiles every {@code ```java} block of README.md and examples/README.md with {@code --release 8}
 * against the SDK's classes, so that a snippet that stops compiling fails the build.
 *
 * <p>The rules a snippet follows are in README.md, section "Building and testing" ("README snippets");
 * in short: a block that declares a top-level type is a file of its own; a block that starts with an
 * annotation, a modifier or a method header is a class body; any other block is a method body. All get
 * {@link #IMPORTS}, the SDK's packages and their own {@code import} lines; class bodies and method
 * bodies also get the fields of {@link #PREAMBLE} and those an HTML comment {@code <!-- snippet: Type
 * name; Type other -->} right before the block declares. A line holding only {@code ...} is left out.
 */
class ReadmeSnippetsTest {
  static final List<String> FILES = Arrays.asList("README.md", "examples/README.md");

  /** Imported by every snippet, besides each public package of the SDK. */
  static final List<String> IMPORTS = Arrays.asList(
      "java.io.*", "java.nio.file.*", "java.time.*", "java.util.*", "java.util.concurrent.*",
      "java.util.function.*", "java.util.stream.*",
      "com.fasterxml.jackson.databind.JsonNode", "com.fasterxml.jackson.databind.ObjectMapper",
      "com.fasterxml.jackson.databind.node.ObjectNode", "com.fasterxml.jackson.core.type.TypeReference",
      "org.slf4j.Logger", "org.slf4j.LoggerFactory");

  /**
   * What every class-body and method-body snippet may use without declaring it: members of the class
   * its wrapper extends, so that a snippet's own declaration of the same name hides them.
   */
  static final List<String> PREAMBLE = Arrays.asList(
      "protected StagehandClient client;",
      "protected SessionService sessions;",
      "protected StagehandSession session;",
      "protected String id;",
      "protected Logger log;",
      "protected static final class Title { public String title; }");

  /** Preamble members whose type a given SDK class provides: left out while the SDK has no such class. */
  private static final Map<String, String> NEEDS = Collections.singletonMap(
      "protected StagehandSession session;", "com.browserbase.stagehand.client.StagehandSession");

  private static final Pattern UNDECLARED = Pattern.compile("cannot find symbol\\s+symbol:\\s+variable (\\w+)");
  private static final Pattern DIRECTIVE = Pattern.compile("^\\s*<!--\\s*snippet:(.*?)-->\\s*$");
  private static final Pattern DECLARATION =
      Pattern.compile("^(.+?)\\s+([A-Za-z_$][\\w$]*(?:\\s*,\\s*[A-Za-z_$][\\w$]*)*)$");
  private static final Pattern TYPE_DECLARATION = Pattern.compile(
      "^(?:@\\w+(?:\\([^)]*\\))?\\s+)*(?:(?:public|final|abstract)\\s+)*(?:class|interface|enum|@interface)\\s+(\\w+).*");
  private static final Pattern MEMBER_START = Pattern.compile(
      "^(?:@\\w.*|(?:public|protected|private|static)\\b.*|[\\w.<>\\[\\], ?]+\\s+\\w+\\s*\\(.*\\)\\s*(?:throws\\s+[\\w., ]+)?\\s*\\{\\s*)$");

  @Test
  void everyJavaBlockOfTheReadmesCompilesOnJava8() throws IOException {
    List<Snippet> snippets = new ArrayList<>();
    for (String file : FILES) {
      snippets.addAll(extract(file, Files.readAllLines(Paths.get(file), StandardCharsets.UTF_8)));
    }
    assertThat(snippets).as("java blocks in " + FILES).anyMatch(s -> s.file.equals("README.md"));

    List<String> failures = compile(snippets);

    assertThat(failures)
        .as("README snippets that do not compile with --release 8 (rules: README.md, \"README snippets\")")
        .isEmpty();
  }

  @Test
  void blocksAreWrappedByWhatTheyDeclare() {
    List<Snippet> snippets = extract("T.md", Arrays.asList(
        "```java",
        "import com.example.Thing;",
        "StagehandClient client = StagehandOkHttpClient.fromEnv();",
        "...",
        "sessions.act(params);",
        "```",
        "<!-- snippet: SessionActParams params; String a, b -->",
        "",
        "```java",
        "@Bean(destroyMethod = \"close\")",
        "StagehandClient client() { return null; }",
        "```",
        "```java",
        "public final class Demo {}",
        "```"));

    assertThat(snippets).extracting(s -> s.kind).containsExactly(Kind.STATEMENTS, Kind.MEMBERS, Kind.TYPES);
    Snippet statements = snippets.get(0);
    assertThat(statements.imports).containsExactly("import com.example.Thing;");
    assertThat(statements.code).doesNotContain("...").contains("sessions.act(params);");
    assertThat(statements.source()).contains("class Block1 extends snippets.Preamble {")
        .contains("void snippet() throws Exception {");
    assertThat(snippets.get(1).declarations).containsEntry("params", "SessionActParams params;")
        .containsEntry("a", "String a, b;").containsEntry("b", "String a, b;");
    assertThat(snippets.get(2).source()).doesNotContain("class Block3").contains("public final class Demo {}");
    assertThat(snippets.get(2).className()).isEqualTo("Demo");
  }

  enum Kind { TYPES, MEMBERS, STATEMENTS }

  /** One {@code ```java} block and how it is wrapped. */
  static final class Snippet {
    final String file;
    final int number;
    /** The line of the block's first code line in its file, 1-based. */
    final int firstLine;
    final List<String> imports = new ArrayList<>();
    final Map<String, String> declarations;
    final String code;
    final Kind kind;
    private int codeOffset;

    Snippet(String file, int number, int firstLine, List<String> lines, Map<String, String> declarations) {
      this.file = file;
      this.number = number;
      this.declarations = declarations;
      List<String> body = new ArrayList<>();
      boolean header = true;
      int skipped = 0;
      for (String line : lines) {
        String trimmed = line.trim();
        if (header && (trimmed.startsWith("import ") || trimmed.startsWith("package ") || trimmed.isEmpty())) {
          if (trimmed.startsWith("import ")) {
            imports.add(trimmed);
          }
          skipped++;
          continue;
        }
        header = false;
        body.add(trimmed.equals("...") ? "" : line);   // keep the line, so that line numbers still match
      }
      this.firstLine = firstLine + skipped;
      this.code = String.join("\n", body);
      String first = body.stream().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("//"))
          .findFirst().orElse("");
      String declaration = body.stream().map(String::trim).filter(l -> !l.startsWith("@"))
          .filter(l -> !l.isEmpty() && !l.startsWith("//")).findFirst().orElse("");
      if (TYPE_DECLARATION.matcher(declaration).matches() || TYPE_DECLARATION.matcher(first).matches()) {
        kind = Kind.TYPES;
      } else if (MEMBER_START.matcher(first).matches()) {
        kind = Kind.MEMBERS;
      } else {
        kind = Kind.STATEMENTS;
      }
    }

    String packageName() {
      return "snippets." + file.replaceAll("[^A-Za-z0-9]+", "_").toLowerCase(Locale.ROOT) + ".b" + number;
    }

    String className() {
      if (kind == Kind.TYPES) {
        Matcher publicType = Pattern.compile("(?m)^public\\s+(?:final\\s+|abstract\\s+)*(?:class|interface|enum|@interface)\\s+(\\w+)")
            .matcher(code);
        if (publicType.find()) {
          return publicType.group(1);
        }
      }
      return "Block" + number;
    }

    String source() {
      StringBuilder out = header(packageName());
      for (String line : imports) {
        out.append(line).append('\n');
      }
      if (kind == Kind.TYPES) {
        codeOffset = lines(out);
        return out.append(code).append('\n').toString();
      }
      out.append("@SuppressWarnings(\"all\")\nclass ").append(className()).append(" extends snippets.Preamble {\n");
      for (String field : new LinkedHashSet<>(declarations.values())) {
        out.append("  ").append(field).append('\n');
      }
      if (kind == Kind.STATEMENTS) {
        out.append("  void snippet() throws Exception {\n");
      }
      codeOffset = lines(out);
      out.append(code).append('\n');
      return out.append(kind == Kind.STATEMENTS ? "  }\n}\n" : "}\n").toString();
    }

    /** Where a line of the generated source is in the Markdown file, or -1 outside the block. */
    long fileLine(long sourceLine) {
      long inBlock = sourceLine - codeOffset;
      return inBlock >= 1 && inBlock <= code.split("\n", -1).length ? firstLine + inBlock - 1 : -1;
    }

    private static int lines(StringBuilder text) {
      int count = 0;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          count++;
        }
      }
      return count;
    }
  }

  /** The package and import lines every wrapped snippet starts with. */
  static StringBuilder header(String pkg) {
    StringBuilder out = new StringBuilder("package ").append(pkg).append(";\n");
    for (String sdk : sdkPackages()) {
      out.append("import ").append(sdk).append(".*;\n");
    }
    for (String name : IMPORTS) {
      out.append("import ").append(name).append(";\n");
    }
    return out;
  }

  /** The class every class-body and method-body snippet's wrapper extends. */
  static String preambleSource() {
    StringBuilder out = header("snippets").append("@SuppressWarnings(\"all\")\npublic abstract class Preamble {\n");
    for (String member : PREAMBLE) {
      if (!NEEDS.containsKey(member) || sdkHas(NEEDS.get(member))) {
        out.append("  ").append(member).append('\n');
      }
    }
    return out.append("}\n").toString();
  }

  private static boolean sdkHas(String className) {
    try {
      Class.forName(className, false, StagehandClient.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** The {@code ```java} blocks of one Markdown file, in order. */
  static List<Snippet> extract(String file, List<String> lines) {
    List<Snippet> snippets = new ArrayList<>();
    int blocks = 0;
    for (int i = 0; i < lines.size(); i++) {
      String fence = lines.get(i).trim();
      if (!fence.startsWith("```")) {
        continue;
      }
      int indent = lines.get(i).indexOf('`');
      int end = i + 1;
      while (end < lines.size() && !lines.get(end).trim().equals("```")) {
        end++;
      }
      if (fence.equals("```java")) {
        blocks++;
        List<String> body = new ArrayList<>();
        for (String line : lines.subList(i + 1, Math.min(end, lines.size()))) {
          body.add(line.length() >= indent && line.substring(0, indent).trim().isEmpty() ? line.substring(indent) : line);
        }
        if (!skipped(lines, i)) {
          snippets.add(new Snippet(file, blocks, i + 2, body, directive(lines, i)));
        }
      }
      i = end;
    }
    return snippets;
  }

  /**
   * Whether the comment before line {@code fence} is {@code <!-- snippet: skip: why -->}: code of an
   * integration, whose types the core's tests cannot see.
   */
  private static boolean skipped(List<String> lines, int fence) {
    int j = fence - 1;
    while (j >= 0 && lines.get(j).trim().isEmpty()) {
      j--;
    }
    Matcher comment = j >= 0 ? DIRECTIVE.matcher(lines.get(j)) : null;
    return comment != null && comment.matches() && comment.group(1).trim().startsWith("skip:");
  }

  /** The fields the {@code <!-- snippet: ... -->} comment before line {@code fence} declares, by name. */
  private static Map<String, String> directive(List<String> lines, int fence) {
    Map<String, String> declared = new LinkedHashMap<>();
    int j = fence - 1;
    while (j >= 0 && lines.get(j).trim().isEmpty()) {
      j--;
    }
    Matcher comment = j >= 0 ? DIRECTIVE.matcher(lines.get(j)) : null;
    if (comment == null || !comment.matches()) {
      return declared;
    }
    for (String part : comment.group(1).split(";")) {
      String declaration = part.trim();
      if (declaration.isEmpty()) {
        continue;
      }
      Matcher parsed = DECLARATION.matcher(declaration);
      if (!parsed.matches()) {
        throw new IllegalArgumentException("line " + (j + 1) + ": not a declaration \"Type name[, name]\": " + declaration);
      }
      for (String name : parsed.group(2).split("\\s*,\\s*")) {
        declared.put(name, declaration + ";");
      }
    }
    return declared;
  }

  /** Compiles the snippets in one javac run; one message per error, naming the file, block and line. */
  private static List<String> compile(List<Snippet> snippets) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Path out = Files.createDirectories(Paths.get("target", "readme-snippets"));
    Map<String, Snippet> byUri = new LinkedHashMap<>();
    List<JavaFileObject> sources = new ArrayList<>();
    sources.add(source(uri("snippets/Preamble.java"), preambleSource()));
    for (Snippet snippet : snippets) {
      URI uri = uri(snippet.packageName().replace('.', '/') + "/" + snippet.className() + ".java");
      byUri.put(uri.toString(), snippet);
      sources.add(source(uri, snippet.source()));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      List<String> options = Arrays.asList("--release", "8", "-proc:none", "-Xlint:none", "-nowarn",
          "-d", out.toString(), "-classpath", classpath());
      javac.getTask(null, files, diagnostics, options, null, sources).call();
    }
    List<String> failures = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
      if (d.getKind() != Diagnostic.Kind.ERROR) {
        continue;
      }
      Snippet snippet = d.getSource() != null ? byUri.get(d.getSource().toUri().toString()) : null;
      if (snippet == null) {
        failures.add(d.getMessage(Locale.ROOT));
        continue;
      }
      long line = snippet.fileLine(d.getLineNumber());
      String message = d.getMessage(Locale.ROOT);
      Matcher undeclared = UNDECLARED.matcher(message);
      failures.add(snippet.file + ", java block " + snippet.number + " (" + snippet.kind.name().toLowerCase(Locale.ROOT)
          + "), " + (line > 0 ? "line " + line : "in the wrapper") + ": " + message
          + (undeclared.find() ? "\n  (a variable the block uses without declaring it: put <!-- snippet: Type "
              + undeclared.group(1) + " --> on the line before its ```java)" : "")
          + (line > 0 ? "" : "\n" + snippet.source()));
    }
    return failures;
  }

  private static JavaFileObject source(URI uri, String text) {
    return new SimpleJavaFileObject(uri, JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }

  private static URI uri(String path) {
    try {
      return new URI("string:///" + path);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /**
   * The SDK's classes and what its public signatures and the snippets name: Jackson, OkHttp (with Okio and
   * the Kotlin runtime), SLF4J, and Spring's annotations for the Spring Boot section. Not the test classes.
   */
  private static String classpath() {
    List<String> entries = new ArrayList<>();
    for (String type : Arrays.asList(StagehandClient.class.getName(),
        "com.fasterxml.jackson.databind.JsonNode", "com.fasterxml.jackson.core.JsonParser",
        "com.fasterxml.jackson.annotation.JsonProperty", "okhttp3.OkHttpClient", "okio.Buffer", "kotlin.Unit",
        "org.slf4j.Logger", "org.springframework.context.annotation.Bean",
        "org.springframework.beans.factory.annotation.Value", "org.springframework.core.env.Environment")) {
      try {
        entries.add(Paths.get(Class.forName(type).getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
      } catch (ClassNotFoundException | URISyntaxException e) {
        throw new IllegalStateException("not on the test class path: " + type, e);
      }
    }
    return entries.stream().distinct().collect(Collectors.joining(java.io.File.pathSeparator));
  }

  /** The SDK's packages users import: every package of its classes but the internal ones. */
  static List<String> sdkPackages() {
    try {
      Path root = Paths.get(StagehandClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (Stream<Path> classes = Files.walk(root)) {
        return classes.filter(p -> p.toString().endsWith(".class"))
            .map(p -> root.relativize(p.getParent()).toString().replace(java.io.File.separatorChar, '.'))
            .filter(pkg -> pkg.startsWith("com.browserbase.stagehand") && !pkg.contains(".internal"))
            .distinct().sorted().collect(Collectors.toList());
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

}
