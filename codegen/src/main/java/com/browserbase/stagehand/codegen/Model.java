package com.browserbase.stagehand.codegen;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the generator writes: classes, their properties and the Java types of those. */
final class Model {
  private Model() {}

  /** The Java type of a property. */
  record Type(Kind kind, String name, Type element, List<Form> forms, String constant) {
    enum Kind { STRING, BOOLEAN, INT, LONG, DOUBLE, ENUM, MODEL, INTERFACE, VALUE, LIST, MAP, ANY, JSON, UNION, CONST }

    static Type of(Kind kind) {
      return new Type(kind, null, null, List.of(), null);
    }

    static Type named(Kind kind, String name) {
      return new Type(kind, name, null, List.of(), null);
    }

    static Type list(Type element) {
      return new Type(Kind.LIST, null, element, List.of(), null);
    }

    static Type map(Type value) {
      return new Type(Kind.MAP, null, value, List.of(), null);
    }

    static Type constant(String value) {
      return new Type(Kind.CONST, null, null, List.of(), value);
    }

    static Type union(List<Form> forms) {
      return new Type(Kind.UNION, null, null, List.copyOf(forms), null);
    }

    boolean is(Kind... kinds) {
      for (Kind k : kinds) {
        if (kind == k) {
          return true;
        }
      }
      return false;
    }

    boolean isNumber() {
      return is(Kind.INT, Kind.LONG, Kind.DOUBLE);
    }

    boolean isCollection() {
      return is(Kind.LIST, Kind.MAP);
    }

    boolean isJson() {
      return is(Kind.ANY, Kind.JSON);
    }

    /** The type of a field or type argument: boxed. */
    String java() {
      return switch (kind) {
        case STRING, CONST -> "String";
        case BOOLEAN -> "Boolean";
        case INT -> "Integer";
        case LONG -> "Long";
        case DOUBLE -> "Double";
        case ENUM, MODEL, INTERFACE, VALUE -> name;
        case LIST -> "List<" + element.java() + ">";
        case MAP -> "Map<String, " + element.java() + ">";
        case ANY, JSON -> "JsonNode";
        case UNION -> "Object";
      };
    }

    /** The type of a setter's parameter or a required accessor: primitive where there is one. */
    String primitive() {
      return switch (kind) {
        case BOOLEAN -> "boolean";
        case INT -> "int";
        case LONG -> "long";
        case DOUBLE -> "double";
        default -> java();
      };
    }

    /** How a union names this form in overrides.yaml. */
    String formKey() {
      return switch (kind) {
        case STRING -> "string";
        case BOOLEAN -> "boolean";
        case INT, LONG, DOUBLE -> "number";
        case LIST -> "array";
        default -> name;
      };
    }
  }

  /** One form of a union property, read back by its own accessor. */
  record Form(String accessor, Type type) {}

  /** How much of a secret {@code toString()} shows (internal/runtime/Secret.java). */
  enum Secret { NONE, VALUE, KEYS, URL, PARAMS, ELEMENTS }

  /** A property of a model. */
  static final class Prop {
    String json;
    String java;
    Type type;
    /** Required and never null: a plain accessor, checked by build() and validate(). */
    boolean required;
    /** JSON null means "not set" (a spec form {@code {type: "null"}}). */
    boolean nullable;
    boolean nonEmpty;
    boolean nonNegative;
    Integer min;
    Integer max;
    Secret secret = Secret.NONE;
    /** The name of one element, for addX / putX. */
    String element;
    boolean customAccessor;
    boolean customSetter;
    String doc;
  }

  /**
   * An operation: what its params class, the services and {@code Operation} need to know.
   *
   * @param action the path segment after the session id, or null for one without ({@code start})
   * @param fixedSegment the path segment after {@code /v1/sessions/} of an operation without a session id
   * @param through the field of the service implementations a call goes through (overrides.yaml), or null
   * @param unusableWhen {@code Class.method}: why an otherwise successful answer cannot be used, or null
   * @param streamHeader whether it takes the {@code x-stream-response} header
   */
  record Operation(String id, String method, String httpMethod, String path, String request, String response,
      boolean hasId, String description, String action, String fixedSegment, boolean sideEffects,
      java.time.Duration timeout, String through, String unusableWhen, boolean streamHeader) {
    String capital() {
      return Character.toUpperCase(method.charAt(0)) + method.substring(1);
    }

    String params() {
      return "Session" + capital() + "Params";
    }

    String responseClass() {
      return "Session" + capital() + "Response";
    }

    /** The name of its constant: {@code EXECUTE_AGENT}. */
    String constant() {
      return method.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(java.util.Locale.ROOT);
    }
  }

  /** Hand-written code copied into a class. */
  record Snippet(List<String> imports, String code) {}

  /** A class to write: a model, an open enumeration or a union interface. */
  static final class Cls {
    enum Kind { OBJECT, ENUM, INTERFACE }

    final String name;
    final Kind kind;
    Cls outer;
    final List<String> schemas = new ArrayList<>();
    String doc;
    final List<Prop> props = new ArrayList<>();
    final List<Cls> nested = new ArrayList<>();
    String implementsName;
    /** Enumeration values. */
    final List<String> values = new ArrayList<>();
    /** A union interface: its forms' classes, by discriminator value or by their single key. */
    final Map<String, String> forms = new LinkedHashMap<>();
    String discriminator;
    /** A union read by key: the one property of each form, for its factory method. */
    final Map<String, Prop> keyProps = new LinkedHashMap<>();
    /** A params class: its operation; whether the body may ask for a stream. */
    Operation operation;
    boolean streaming;
    Snippet members;
    Snippet builderMembers;
    boolean sentOnly;

    Cls(String name, Kind kind) {
      this.name = name;
      this.kind = kind;
    }

    boolean isParams() {
      return operation != null;
    }

    /** The name as other files and messages see it: {@code Outer.Inner} for a nested class. */
    String path() {
      return outer == null ? name : outer.path() + "." + name;
    }

    Prop prop(String json) {
      for (Prop p : props) {
        if (p.json.equals(json)) {
          return p;
        }
      }
      return null;
    }
  }
}
