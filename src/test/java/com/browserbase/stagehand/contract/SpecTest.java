package com.browserbase.stagehand.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** Where the spec-coverage and contract tests find the spec, and what they do when it is missing. */
class SpecTest {
  private final String path = System.getProperty(Spec.PATH_PROPERTY);
  private final String required = System.getProperty(Spec.REQUIRED_PROPERTY);

  @AfterEach
  void restoreProperties() {
    restore(Spec.PATH_PROPERTY, path);
    restore(Spec.REQUIRED_PROPERTY, required);
  }

  @Test
  void theSharedSpecIsUsedWhereItIsCheckedOutAndOtherwiseTheProjectsCopy() {
    System.clearProperty(Spec.PATH_PROPERTY);
    Path shared = Paths.get(Spec.SHARED_PATH).toAbsolutePath().normalize();
    Path copy = Paths.get(Spec.PROJECT_COPY).toAbsolutePath().normalize();

    assertThat(Spec.path()).isEqualTo(Files.isRegularFile(shared) ? shared : copy);
    assertThat(copy).as("the project's copy of the spec, which the models are generated from").isRegularFile();
  }

  @Test
  void aMissingSpecFailsWhereItIsRequired() {
    System.setProperty(Spec.PATH_PROPERTY, "target/no-such-spec.yaml");
    System.setProperty(Spec.REQUIRED_PROPERTY, "true");

    assertThatThrownBy(() -> Spec.loadOrSkip("The missing-spec test"))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("The missing-spec test needs the OpenAPI spec")
        .hasMessageContaining("no-such-spec.yaml");
  }

  @Test
  void aMissingSpecIsASkipWhereItIsNotRequired() {
    System.setProperty(Spec.PATH_PROPERTY, "target/no-such-spec.yaml");
    System.setProperty(Spec.REQUIRED_PROPERTY, "false");
    assumeFalse(Spec.required(), "CI=true in the environment: a missing spec is a failure there");

    assertThatThrownBy(() -> Spec.loadOrSkip("The missing-spec test"))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no OpenAPI spec at");
  }

  private static void restore(String name, String value) {
    if (value == null) {
      System.clearProperty(name);
    } else {
      System.setProperty(name, value);
    }
  }
}
