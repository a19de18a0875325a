package com.browserbase.stagehand.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, once per JVM, that the Jackson on the class path can run the SDK, so that a mix that would
 * fail at the first call with a {@link NoClassDefFoundError} ({@code JsonSerializeAs}, say) fails when
 * the client is built instead, with a message naming the versions and the fix. Not API.
 *
 * <p>The rules: every artifact is Jackson 2.12 or newer (records need 2.12); {@code jackson-core} and
 * {@code jackson-databind} have the same minor version; {@code jackson-annotations} has databind's
 * minor version or a newer one (databind refers to the annotations of its own release).
 *
 * <p>Core and databind report their version through their {@code PackageVersion} classes, which
 * survive shading. Annotations have none: their version comes from the jar's manifest, else from the
 * {@code pom.properties} Maven put in the jar, else from the newest of a few members that arrived in
 * known versions (which gives only a lower bound; a check that cannot decide passes).
 */
public final class JacksonVersions {
  /** The oldest Jackson 2.x minor version the SDK supports. */
  static final int FLOOR_MINOR = 12;

  private static final Logger LOG = LoggerFactory.getLogger("com.browserbase.stagehand");
  private static final String ANNOTATION_PACKAGE = "com.fasterxml.jackson.annotation.";

  /**
   * Members of jackson-annotations and the minor version that added them, newest first:
   * {@code Class} or {@code Class#method}.
   */
  private static final String[][] ANNOTATION_MARKERS = {
      {"22", "JsonApplyView"},
      {"21", "JsonSerializeAs"},
      {"19", "JacksonInject#optional"},
      {"16", "JsonTypeInfo$Value"},
      {"14", "JsonSubTypes#failOnRepeatedNames"},
      {"12", "JsonIncludeProperties"},
  };

  /** What is wrong with the Jackson of this JVM, or {@code null}; decided on first use. */
  private static final String PROBLEM = detect();

  private JacksonVersions() {}

  /**
   * Throws {@link IllegalStateException} when the Jackson artifacts on the class path do not fit
   * together or are older than the SDK supports. Costs a field read after the first call.
   */
  public static void check() {
    if (PROBLEM != null) {
      throw new IllegalStateException(PROBLEM);
    }
  }

  private static String detect() {
    ClassLoader loader = JacksonVersions.class.getClassLoader();
    String core = packageVersion("com.fasterxml.jackson.core.json.PackageVersion", loader);
    String databind = packageVersion("com.fasterxml.jackson.databind.cfg.PackageVersion", loader);
    Annotations annotations = Annotations.detect(loader);
    String problem = problem(annotations, core, databind);
    if (problem == null) {
      LOG.debug("Jackson: jackson-annotations {}, jackson-core {}, jackson-databind {}", annotations, core, databind);
    }
    return problem;
  }

  /** What is wrong with these versions ({@code null} for a version not found), or {@code null}. */
  static String problem(Annotations annotations, String core, String databind) {
    int coreMinor = minor(core);
    int databindMinor = minor(databind);
    String reason;
    if (core == null || databind == null || coreMinor < 0 || databindMinor < 0) {
      reason = (core == null || coreMinor < 0 ? "jackson-core" : "jackson-databind") + " is missing or unreadable";
    } else if (coreMinor < FLOOR_MINOR || databindMinor < FLOOR_MINOR || annotations.olderThan(FLOOR_MINOR)) {
      reason = "the SDK needs Jackson 2." + FLOOR_MINOR + " or newer";
    } else if (coreMinor != databindMinor) {
      reason = "jackson-core and jackson-databind must have the same minor version";
    } else if (annotations.olderThan(databindMinor)) {
      reason = "jackson-annotations must not be older than jackson-databind";
    } else {
      return null;
    }
    String bom = databindMinor >= FLOOR_MINOR ? databind : Version.JACKSON;
    return "Incompatible Jackson versions on the class path: jackson-annotations " + annotations
        + ", jackson-core " + orMissing(core) + ", jackson-databind " + orMissing(databind) + "; " + reason
        + " (a mix like this fails at the first call with NoClassDefFoundError or NoSuchMethodError)."
        + " Align the three, for example by importing com.fasterxml.jackson:jackson-bom:" + bom
        + " in your build's dependency management (Gradle: platform(\"com.fasterxml.jackson:jackson-bom:" + bom
        + "\")). This SDK was built with Jackson " + Version.JACKSON + " and supports 2." + FLOOR_MINOR
        + " and newer.";
  }

  private static String orMissing(String version) {
    return version != null ? version : "(missing)";
  }

  /** The minor version of a 2.x version ({@code 22} of {@code 2.22.4}), else -1. */
  static int minor(String version) {
    if (version == null || !version.startsWith("2.")) {
      return -1;
    }
    int end = 2;
    while (end < version.length() && Character.isDigit(version.charAt(end))) {
      end++;
    }
    return end > 2 ? Integer.parseInt(version.substring(2, end)) : -1;
  }

  /** The {@code VERSION} of a Jackson {@code PackageVersion} class, or {@code null}. */
  private static String packageVersion(String className, ClassLoader loader) {
    try {
      Object version = Class.forName(className, true, loader).getField("VERSION").get(null);
      return version != null ? version.toString() : null;
    } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
      return null;
    }
  }

  /** The version of jackson-annotations: exact when the jar says, else a lower bound. */
  static final class Annotations {
    /** The exact version, or {@code null}. */
    final String exact;
    /** Without an exact version: the newest minor whose marker is present (-1 for none, 0 when missing). */
    final int atLeast;
    /** Without an exact version: the oldest minor whose marker is absent (it is older), or MAX_VALUE. */
    final int below;

    private Annotations(String exact, int atLeast, int below) {
      this.exact = exact;
      this.atLeast = atLeast;
      this.below = below;
    }

    static Annotations exact(String version) {
      return new Annotations(version, minor(version), Integer.MAX_VALUE);
    }

    static Annotations between(int atLeast, int below) {
      return new Annotations(null, atLeast, below);
    }

    /** Whether these annotations are certainly older than 2.{@code minor}. */
    boolean olderThan(int minor) {
      return exact != null ? minor(exact) < minor : below <= minor;
    }

    static Annotations detect(ClassLoader loader) {
      Class<?> property;
      try {
        property = Class.forName(ANNOTATION_PACKAGE + "JsonProperty", false, loader);
      } catch (ClassNotFoundException | LinkageError e) {
        return between(0, 0);
      }
      Package pkg = property.getPackage();
      String version = pkg != null ? pkg.getImplementationVersion() : null;
      if (minor(version) < 0) {
        version = pomVersion(property);
      }
      if (minor(version) >= 0) {
        return exact(version);
      }
      int below = Integer.MAX_VALUE;
      for (String[] marker : ANNOTATION_MARKERS) {
        int minor = Integer.parseInt(marker[0]);
        if (present(marker[1], loader)) {
          return between(minor, below);
        }
        below = minor;
      }
      return between(-1, below);
    }

    /** The version in the jar's Maven {@code pom.properties}, beside the class, or {@code null}. */
    private static String pomVersion(Class<?> property) {
      URL classFile = property.getResource("JsonProperty.class");
      String path = classFile != null ? classFile.toString() : "";
      String suffix = "com/fasterxml/jackson/annotation/JsonProperty.class";
      if (!path.endsWith(suffix)) {
        return null;
      }
      try (InputStream in = new URL(path.substring(0, path.length() - suffix.length())
          + "META-INF/maven/com.fasterxml.jackson.core/jackson-annotations/pom.properties").openStream()) {
        Properties pom = new Properties();
        pom.load(in);
        return pom.getProperty("version");
      } catch (IOException | RuntimeException e) {
        return null;
      }
    }

    private static boolean present(String marker, ClassLoader loader) {
      int hash = marker.indexOf('#');
      try {
        Class<?> type = Class.forName(ANNOTATION_PACKAGE + (hash < 0 ? marker : marker.substring(0, hash)), false, loader);
        if (hash >= 0) {
          type.getMethod(marker.substring(hash + 1));
        }
        return true;
      } catch (ReflectiveOperationException | LinkageError e) {
        return false;
      }
    }

    @Override
    public String toString() {
      if (exact != null) {
        return exact;
      }
      if (atLeast == 0) {
        return "(missing)";
      }
      return atLeast < 0 ? "older than 2." + FLOOR_MINOR : "2." + atLeast + " or newer (its jar does not say which)";
    }
  }
}
