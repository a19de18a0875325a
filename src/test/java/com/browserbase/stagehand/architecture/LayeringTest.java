package com.browserbase.stagehand.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * The package layering of the core, checked on every build. From the bottom: {@code errors}, {@code core} and
 * {@code core.http}; {@code internal.runtime}, the small runtime of the generated models; the models; the
 * internal subsystems ({@code internal.http}, {@code internal.sse}, {@code internal.schema}, {@code
 * internal.cache}, {@code internal.local}, {@code internal.session}); the public packages on top. No package
 * depends on one that depends back on it.
 */
@AnalyzeClasses(packages = "com.browserbase.stagehand", importOptions = ImportOption.DoNotIncludeTests.class)
class LayeringTest {
  private static final String ROOT = "com.browserbase.stagehand.";

  /**
   * Every package is a slice of its own, except {@code client} and {@code services}: the public API ties them
   * together ({@code StagehandClient.sessions()} returns a {@code SessionService}, whose {@code open} returns a
   * {@code StagehandSession}), so they are checked as one slice, the API.
   */
  private static final SliceAssignment PACKAGES = new SliceAssignment() {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass type) {
      String name = type.getPackageName();
      if (!name.startsWith(ROOT)) {
        return SliceIdentifier.ignore();
      }
      String pkg = name.substring(ROOT.length());
      return SliceIdentifier.of(pkg.equals("client") || pkg.equals("services") ? "client+services" : pkg);
    }

    @Override
    public String getDescription() {
      return "the packages of the core (client and services as one)";
    }
  };

  @ArchTest
  static final ArchRule noPackageCycles = slices().assignedFrom(PACKAGES).should().beFreeOfCycles();

  @ArchTest
  static final ArchRule modelsUseOnlyTheirRuntime = classes().that().resideInAPackage(ROOT + "models..")
      .should().onlyDependOnClassesThat().resideInAnyPackage(ROOT + "models..", ROOT + "internal.runtime..",
          ROOT + "core", ROOT + "errors", "java..", "com.fasterxml.jackson..")
      .because("the models are generated: they import no hand-written package but their small runtime");

  @ArchTest
  static final ArchRule runtimeIsTheBottom = noClasses().that().resideInAPackage(ROOT + "internal.runtime..")
      .should().dependOnClassesThat().resideInAnyPackage(ROOT + "models..", ROOT + "client..", ROOT + "services..",
          ROOT + "cache..", ROOT + "local..", ROOT + "core..", ROOT + "internal.http..", ROOT + "internal.session..",
          ROOT + "internal.cache..", ROOT + "internal.local..", ROOT + "internal.schema..", ROOT + "internal.sse..");

  @ArchTest
  static final ArchRule internalsKnowNoFacade = noClasses().that().resideInAPackage(ROOT + "internal..")
      .should().dependOnClassesThat().resideInAnyPackage(ROOT + "client..", ROOT + "services..", ROOT + "cache")
      .because("the public facades are built on the internals, never the other way round");
}
