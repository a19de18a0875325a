package com.browserbase.stagehand.codegen;

import static java.util.Map.entry;

import java.util.Map;

/**
 * The one table of packages: where each generated file goes, and where each hand-written class that
 * generated code (or a snippet of overrides.yaml and services.yaml) uses lives. Everything else names
 * SDK classes by their simple names, so that moving a class to another package is a change of one line
 * here and a regeneration.
 */
final class Packages {
  private Packages() {}

  private static final String SDK = "com.browserbase.stagehand";
  private static final String INTERNAL = SDK + ".internal";

  /* ---------------------------------------------------------------- generated files */

  /** The models: every class of the spec's schemas. */
  static final String MODELS = SDK + ".models.sessions";
  /** The public service interfaces, {@code SessionService} and {@code SessionServiceAsync}. */
  static final String SERVICES = SDK + ".services";
  /** Their implementations, {@code SessionServiceImpl} and {@code SessionServiceAsyncImpl}. */
  static final String SERVICE_IMPLS = SDK + ".client";
  /** {@code Operation}: each operation's endpoint, response type and request. */
  static final String OPERATION = INTERNAL + ".session";
  /** {@code UnionDeserializers}: how the models' union interfaces are read. */
  static final String UNION_DESERIALIZERS = MODELS;

  /* ---------------------------------------------------------------- hand-written classes */

  private static final Map<String, String> HAND_WRITTEN = Map.ofEntries(
      // public API
      entry("OpenEnum", SDK + ".core"),
      entry("RequestOptions", SDK + ".core"),
      entry("HttpResponseFor", SDK + ".core.http"),
      entry("StreamResponse", SDK + ".core.http"),
      entry("AsyncStreamResponse", SDK + ".core.http"),
      entry("StagehandClient", SDK + ".client"),
      entry("StagehandSession", SDK + ".client"),
      entry("StagehandSessionAsync", SDK + ".client"),
      // the transport
      entry("HttpTransport", INTERNAL + ".http"),
      entry("ApiRequest", INTERNAL + ".http"),
      entry("Endpoint", INTERNAL + ".http"),
      entry("ResponseType", INTERNAL + ".http"),
      // sessions
      entry("StartHook", INTERNAL + ".session"),
      entry("SessionHandles", SDK + ".client"),
      // what every model uses
      entry("Builders", INTERNAL + ".runtime"),
      entry("Checks", INTERNAL + ".runtime"),
      entry("Json", INTERNAL + ".runtime"),
      entry("JsonModel", INTERNAL + ".runtime"),
      entry("Models", INTERNAL + ".runtime"),
      entry("Params", INTERNAL + ".runtime"),
      entry("Secret", INTERNAL + ".runtime"),
      entry("StreamEventText", INTERNAL + ".runtime"));

  /** The generated classes outside the models, by simple name. */
  private static final Map<String, String> GENERATED = Map.of(
      "SessionService", SERVICES,
      "SessionServiceAsync", SERVICES,
      "SessionServiceImpl", SERVICE_IMPLS,
      "SessionServiceAsyncImpl", SERVICE_IMPLS,
      "Operation", OPERATION,
      "UnionDeserializers", UNION_DESERIALIZERS);

  /** The package of a generated class outside the models. */
  static String of(String generated) {
    String pkg = GENERATED.get(generated);
    if (pkg == null) {
      throw new IllegalArgumentException("Packages: no generated class " + generated);
    }
    return pkg;
  }

  /**
   * The qualified name of a class: a qualified name as it is, {@code Outer.Inner} as the import of
   * its outer class's package, a simple name from the tables above.
   */
  static String qualified(String name) {
    if (Character.isLowerCase(name.charAt(0))) {
      return name; // java.util.List, com.fasterxml...
    }
    String outer = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
    String pkg = HAND_WRITTEN.containsKey(outer) ? HAND_WRITTEN.get(outer) : GENERATED.get(outer);
    if (pkg == null) {
      throw new IllegalArgumentException(name + " is in no package of codegen/.../Packages.java: add it there");
    }
    return pkg + "." + name;
  }
}
