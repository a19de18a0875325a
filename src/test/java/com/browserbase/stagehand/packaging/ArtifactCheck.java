package com.browserbase.stagehand.packaging;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Checks what {@code package} built, run by the {@code verify} phase (pom.xml, execution {@code
 * check-artifacts}); with {@code release}, also what a Maven Central release must hold.
 *
 * <pre>
 * ArtifactCheck TARGET_DIR FINAL_NAME POM [release [gpg.skip=true]]
 * </pre>
 *
 * <p>Always: the jar's manifest names the module {@code com.browserbase.stagehand}, the jar holds the
 * ProGuard/R8 rules and no test or example class, the sources and Javadoc jars are complete, and a small
 * modular application ({@code requires com.browserbase.stagehand}) compiles against the jar and makes a
 * call on the module path (requiring the SDK's dependencies too, as an automatic module cannot). With {@code release}: the pom has the metadata Central requires, and with
 * signing on (no {@code gpg.skip=true}) every file of the bundle (jar, sources, Javadoc, pom) has its {@code .asc} signature.
 * Prints one line per check; exits non-zero naming every failure.
 */
public final class ArtifactCheck {
  static final String MODULE = "com.browserbase.stagehand";
  static final String PROGUARD = "META-INF/proguard/stagehand-java.pro";
  /** The modules a modular application requires beside the SDK's, as README.md says. */
  static final List<String> DEPENDENCY_MODULES = Arrays.asList("okhttp3", "com.fasterxml.jackson.datatype.jdk8",
      "com.fasterxml.jackson.datatype.jsr310", "org.slf4j");

  private final List<String> failures = new ArrayList<>();

  private ArtifactCheck() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: ArtifactCheck TARGET_DIR FINAL_NAME POM [release [gpg.skip=true]]");
    }
    List<String> flags = Arrays.asList(args).subList(3, args.length);
    boolean release = flags.contains("release");
    boolean signed = release && !flags.contains("gpg.skip=true");
    ArtifactCheck check = new ArtifactCheck();
    check.run(Paths.get(args[0]), args[1], Paths.get(args[2]), release, signed);
    if (!check.failures.isEmpty()) {
      throw new IllegalStateException("The built artifacts are not right:\n  " + String.join("\n  ", check.failures));
    }
  }

  private void run(Path target, String name, Path pom, boolean release, boolean signed) throws Exception {
    Path jar = target.resolve(name + ".jar");
    Path sources = target.resolve(name + "-sources.jar");
    Path javadoc = target.resolve(name + "-javadoc.jar");
    checkJar(jar);
    checkSources(sources);
    checkJavadoc(javadoc);
    if (Files.isRegularFile(jar)) {
      checkModularUse(jar, target.resolve("artifact-check"));
    }
    if (release) {
      checkPom(pom);
      List<Path> bundle = Arrays.asList(jar, sources, javadoc, pom);
      if (signed) {
        for (Path file : bundle) {
          Path signature = file.equals(pom) ? target.resolve(name + ".pom.asc") : Paths.get(file + ".asc");
          expect(Files.isRegularFile(signature), "signature " + signature.getFileName(), "missing");
        }
      } else {
        System.out.println("[artifact-check] signatures not checked (-Dgpg.skip)");
      }
      if (name.endsWith("-SNAPSHOT")) {
        System.out.println("[artifact-check] note: " + name + " is a SNAPSHOT; the Central Portal publishes releases only");
      }
    }
  }

  private void checkJar(Path jar) throws IOException {
    if (!expect(Files.isRegularFile(jar), jar.getFileName().toString(), "missing")) {
      return;
    }
    try (JarFile file = new JarFile(jar.toFile())) {
      String module = file.getManifest() == null ? null
          : file.getManifest().getMainAttributes().getValue("Automatic-Module-Name");
      expect(MODULE.equals(module), "Automatic-Module-Name " + MODULE, "the manifest says " + module);
      expect(file.getEntry(PROGUARD) != null, "ProGuard/R8 rules " + PROGUARD, "missing");
      List<String> strays = file.stream().map(ZipEntry::getName)
          .filter(n -> n.contains("/examples/") || n.contains("/packaging/") || n.startsWith("snippets/")
              || n.endsWith("Test.class") || n.endsWith("IT.class") || n.equals("logback-test.xml"))
          .collect(Collectors.toList());
      expect(strays.isEmpty(), "no test or example classes in the jar", "found " + strays);
      ZipEntry version = file.getEntry("com/browserbase/stagehand/internal/http/version.properties");
      String text = version == null ? "" : new String(readAll(file, version), StandardCharsets.UTF_8);
      expect(text.contains("version=") && !text.contains("${"), "version.properties filtered", "it reads: " + text);
    }
  }

  private void checkSources(Path sources) throws IOException {
    if (!expect(Files.isRegularFile(sources), sources.getFileName().toString(), "missing")) {
      return;
    }
    try (JarFile file = new JarFile(sources.toFile())) {
      expect(file.getEntry("com/browserbase/stagehand/client/StagehandOkHttpClient.java") != null,
          "sources jar holds the sources", "StagehandOkHttpClient.java missing");
    }
  }

  private void checkJavadoc(Path javadoc) throws IOException {
    if (!expect(Files.isRegularFile(javadoc), javadoc.getFileName().toString(), "missing")) {
      return;
    }
    try (JarFile file = new JarFile(javadoc.toFile())) {
      expect(file.getEntry("index.html") != null
              && file.getEntry("com/browserbase/stagehand/client/StagehandClient.html") != null,
          "Javadoc jar holds the API docs", "index.html or StagehandClient.html missing");
      expect(file.stream().noneMatch(e -> e.getName().startsWith("com/browserbase/stagehand/internal/")),
          "Javadoc leaves out the internal package", "it documents com.browserbase.stagehand.internal");
    }
  }

  /** The pom elements the Central Portal requires of a release. */
  private void checkPom(Path pom) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(false);
    Document doc = factory.newDocumentBuilder().parse(pom.toFile());
    Element project = doc.getDocumentElement();
    for (String path : Arrays.asList("groupId", "artifactId", "version", "name", "description", "url",
        "licenses/license/name", "licenses/license/url", "developers/developer/name", "scm/url",
        "scm/connection", "scm/developerConnection")) {
      expect(!text(project, path).isEmpty(), "pom has <" + path + ">", "missing or empty");
    }
  }

  /**
   * A modular application that {@code requires com.browserbase.stagehand}: compiled against the jar on
   * the module path, then run there, starting a session against a server of its own. Proves the module
   * name and that Jackson can read the models when the SDK is a module.
   */
  private void checkModularUse(Path jar, Path work) throws Exception {
    Path src = work.resolve("src/app");
    Path classes = work.resolve("classes");
    Files.createDirectories(src.resolve("app"));
    Files.createDirectories(classes);
    List<String> moduleInfo = new ArrayList<>(Arrays.asList("module app {", "  requires " + MODULE + ";"));
    // An automatic module cannot name what it needs: the application requires the SDK's dependencies itself.
    for (String dependency : DEPENDENCY_MODULES) {
      moduleInfo.add("  requires " + dependency + ";");
    }
    moduleInfo.addAll(Arrays.asList("  requires jdk.httpserver;", "}"));
    Files.write(src.resolve("module-info.java"), moduleInfo);
    Files.write(src.resolve("app/Main.java"), Arrays.asList(
        "package app;",
        "import com.browserbase.stagehand.client.*;",
        "import com.browserbase.stagehand.models.sessions.*;",
        "import com.sun.net.httpserver.HttpServer;",
        "import java.net.InetSocketAddress;",
        "public final class Main {",
        "  public static void main(String[] args) throws Exception {",
        "    HttpServer server = HttpServer.create(new InetSocketAddress(\"127.0.0.1\", 0), 0);",
        "    server.createContext(\"/\", exchange -> {",
        "      byte[] body = \"{\\\"success\\\":true,\\\"data\\\":{\\\"sessionId\\\":\\\"s-1\\\",\\\"available\\\":true}}\".getBytes();",
        "      exchange.getResponseHeaders().add(\"Content-Type\", \"application/json\");",
        "      exchange.sendResponseHeaders(200, body.length);",
        "      exchange.getResponseBody().write(body);",
        "      exchange.close();",
        "    });",
        "    server.start();",
        "    try (StagehandClient client = StagehandOkHttpClient.builder()",
        "        .baseUrl(\"http://127.0.0.1:\" + server.getAddress().getPort()).build()) {",
        "      String id = client.sessions().start(SessionStartParams.builder().modelName(\"m\").build()).data().sessionId();",
        "      System.out.println(StagehandClient.class.getModule().getName() + \" \" + id);",
        "    } finally {",
        "      server.stop(0);",
        "    }",
        "  }",
        "}"));
    String modulePath = jar + java.io.File.pathSeparator + dependencies();
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int compiled = javac.run(null, null, null, "-d", classes.toString(), "--module-path", modulePath,
        "-Xlint:-module", src.resolve("module-info.java").toString(), src.resolve("app/Main.java").toString());
    if (!expect(compiled == 0, "a modular application compiles with `requires " + MODULE + ";`", "javac failed")) {
      return;
    }
    Process app = new ProcessBuilder(Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
        "--module-path", classes + java.io.File.pathSeparator + modulePath, "--module", "app/app.Main")
        .redirectErrorStream(true).redirectOutput(work.resolve("app.log").toFile()).start();
    boolean ended = app.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      app.destroyForcibly().waitFor();
    }
    String output = new String(Files.readAllBytes(work.resolve("app.log")), StandardCharsets.UTF_8);
    expect(ended && app.exitValue() == 0 && output.contains(MODULE + " s-1"),
        "it runs on the module path and starts a session", "exit " + (ended ? app.exitValue() : "timeout") + ":\n" + output);
  }

  /** The SDK's runtime dependencies, from this class path: OkHttp, Okio, Kotlin, Jackson, SLF4J. */
  private static String dependencies() throws ClassNotFoundException, URISyntaxException {
    List<String> jars = new ArrayList<>();
    for (String type : Arrays.asList("okhttp3.OkHttpClient", "okio.Buffer", "kotlin.Unit",
        "com.fasterxml.jackson.annotation.JsonProperty", "com.fasterxml.jackson.core.JsonParser",
        "com.fasterxml.jackson.databind.ObjectMapper", "com.fasterxml.jackson.datatype.jdk8.Jdk8Module",
        "com.fasterxml.jackson.datatype.jsr310.JavaTimeModule", "org.slf4j.Logger")) {
      jars.add(Paths.get(Class.forName(type).getProtectionDomain().getCodeSource().getLocation().toURI()).toString());
    }
    return String.join(java.io.File.pathSeparator, jars);
  }

  private static byte[] readAll(JarFile file, ZipEntry entry) throws IOException {
    try (java.io.InputStream in = file.getInputStream(entry)) {
      return in.readAllBytes();
    }
  }

  private static String text(Element parent, String path) {
    Element current = parent;
    for (String name : path.split("/")) {
      Element next = null;
      for (org.w3c.dom.Node child = current.getFirstChild(); child != null; child = child.getNextSibling()) {
        if (child instanceof Element && child.getNodeName().equals(name)) {
          next = (Element) child;
          break;
        }
      }
      if (next == null) {
        return "";
      }
      current = next;
    }
    return current.getTextContent().trim();
  }

  private boolean expect(boolean ok, String what, String otherwise) {
    System.out.println("[artifact-check] " + (ok ? "ok   " : "FAIL ") + what + (ok ? "" : ": " + otherwise));
    if (!ok) {
      failures.add(what + ": " + otherwise);
    }
    return ok;
  }
}
