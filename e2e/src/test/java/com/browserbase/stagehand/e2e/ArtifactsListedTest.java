package com.browserbase.stagehand.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every integration listed in {@code integrations/pom.xml} is an artifact users can find: named in the BOM
 * (so that importing it aligns that artifact's version too) and in the README's table of artifacts. The
 * Playwright artifact once shipped without its BOM entry; this makes the next one fail the build instead.
 */
class ArtifactsListedTest {
  private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
  /** An integration's own artifactId: the first one after its {@code <parent>} block. */
  private static final Pattern OWN_ARTIFACT = Pattern.compile("(?s)</parent>.*?<artifactId>([^<]+)</artifactId>");

  @Test
  void everyIntegrationIsInTheBomAndTheReadmesArtifactsTable() throws IOException {
    Path root = repositoryRoot();
    String bom = read(root.resolve("bom/pom.xml"));
    String readme = read(root.resolve("README.md"));
    List<String> artifacts = new ArrayList<>();
    Matcher module = MODULE.matcher(read(root.resolve("integrations/pom.xml")));
    while (module.find()) {
      Matcher own = OWN_ARTIFACT.matcher(read(root.resolve("integrations").resolve(module.group(1)).resolve("pom.xml")));
      assertThat(own.find()).as("the artifactId of integrations/%s/pom.xml", module.group(1)).isTrue();
      artifacts.add(own.group(1));
    }

    assertThat(artifacts).as("integrations in integrations/pom.xml").isNotEmpty();
    for (String artifact : artifacts) {
      assertThat(bom).as("bom/pom.xml names %s", artifact).contains("<artifactId>" + artifact + "</artifactId>");
      assertThat(readme).as("README.md's Artifacts table names %s", artifact).contains("| `" + artifact + "` |");
    }
  }

  /** The folder holding {@code bom/pom.xml}: the working directory (e2e/) or one above it. */
  private static Path repositoryRoot() {
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("bom/pom.xml")) && Files.isRegularFile(dir.resolve("integrations/pom.xml"))) {
        return dir;
      }
    }
    throw new AssertionError("No repository root (bom/pom.xml beside integrations/pom.xml) above " + Paths.get("").toAbsolutePath());
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
