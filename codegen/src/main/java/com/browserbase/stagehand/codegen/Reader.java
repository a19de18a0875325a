package com.browserbase.stagehand.codegen;

import com.browserbase.stagehand.codegen.Model.Cls;
import com.browserbase.stagehand.codegen.Model.Form;
import com.browserbase.stagehand.codegen.Model.Operation;
import com.browserbase.stagehand.codegen.Model.Prop;
import com.browserbase.stagehand.codegen.Model.Secret;
import com.browserbase.stagehand.codegen.Model.Snippet;
import com.browserbase.stagehand.codegen.Model.Type;
import com.browserbase.stagehand.codegen.Model.Type.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the spec and the overrides into the classes to write. Every name in the overrides must
 * exist (a renamed schema or property fails here, not silently); every union in the spec must have
 * its accessors named in the overrides.
 */
final class Reader {
  private static final String REF = "#/components/schemas/";

  private final JsonNode spec;
  private final JsonNode schemas;
  private final JsonNode overrides;
  private final Map<String, String> docs;

  /** Schema name to class name, for every schema that has one. */
  private final Map<String, String> classOf = new LinkedHashMap<>();
  /** Class name to the schemas it is made of, in merge order. */
  private final Map<String, List<String>> schemasOf = new LinkedHashMap<>();
  private final Set<String> handWritten = new LinkedHashSet<>();
  private final Map<String, Cls> classes = new TreeMap<>();
  private final Map<String, Operation> operationOfParams = new LinkedHashMap<>();
  private final Map<String, Operation> operationOfResponse = new LinkedHashMap<>();
  private final List<Operation> operations = new ArrayList<>();
  private final Set<String> sent = new HashSet<>();
  private final Set<String> received = new HashSet<>();
  private final Set<String> usedOverrides = new HashSet<>();
  private final Set<String> usedDocs = new HashSet<>();
  private final List<String> warnings = new ArrayList<>();

  Reader(JsonNode spec, JsonNode overrides, Map<String, String> docs) {
    this.spec = spec;
    this.schemas = spec.path("components").path("schemas");
    this.overrides = overrides;
    this.docs = docs;
  }

  List<String> warnings() {
    return warnings;
  }

  /** The top-level classes to write, by name. */
  Map<String, Cls> read() {
    readOperations();
    nameSchemas();
    findSides();
    for (String name : schemasOf.keySet()) {
      if (!handWritten.contains(name)) {
        classes.put(name, define(name));
      }
    }
    for (Cls c : new ArrayList<>(classes.values())) {
      if (c.kind == Cls.Kind.OBJECT) {
        fill(c);
      }
    }
    for (Cls c : classes.values()) {
      if (c.kind == Cls.Kind.INTERFACE) {
        c.forms.forEach((key, member) -> {
          classes.get(member).implementsName = c.name;
          if (c.discriminator == null) {
            c.keyProps.put(key, classes.get(member).prop(key));
          }
        });
      }
    }
    addParamsWithoutBody();
    addExtras();
    checkAllUsed();
    return classes;
  }

  /* ---------------------------------------------------------------- naming */

  private static final String SESSIONS = "/v1/sessions/";
  private static final String STREAM_HEADER = "x-stream-response";

  private void readOperations() {
    JsonNode methods = required(overrides, "operations");
    Duration defaultTimeout = Duration.parse(required(overrides, "timeout").asText());
    Map<String, Operation> seen = new LinkedHashMap<>();
    spec.path("paths").properties().forEach(path -> path.getValue().properties().forEach(verb -> {
      JsonNode op = verb.getValue();
      String id = op.path("operationId").asText();
      JsonNode o = methods.path(id);
      String method = o.path("method").asText(null);
      if (method == null) {
        throw new IllegalStateException("operation " + id + " has no SessionService method in overrides.yaml (operations)");
      }
      if (!o.path("sideEffects").isBoolean()) {
        throw new IllegalStateException("overrides.yaml operations: " + id + " must say whether it has sideEffects"
            + " (true: retried only when the server cannot have acted on it)");
      }
      boolean hasId = false;
      boolean streamHeader = false;
      for (JsonNode parameter : op.path("parameters")) {
        String in = parameter.path("in").asText();
        String name = parameter.path("name").asText();
        if ("path".equals(in) && "id".equals(name)) {
          hasId = true;
        } else if ("header".equals(in) && STREAM_HEADER.equals(name)) {
          streamHeader = true;
        } else {
          throw new IllegalStateException(id + ": the transport sends no " + in + " parameter " + name
              + " (only the session id in the path and the " + STREAM_HEADER + " header)");
        }
      }
      String p = path.getKey();
      String rest = p.startsWith(SESSIONS) ? p.substring(SESSIONS.length()) : null;
      String action = null;
      String fixedSegment = null;
      if (rest != null && hasId && rest.startsWith("{id}/") && rest.indexOf('/', 5) < 0) {
        action = rest.substring(5);
      } else if (rest != null && !hasId && !rest.isEmpty() && !rest.contains("/") && !rest.contains("{")) {
        fixedSegment = rest;
      } else {
        throw new IllegalStateException(id + ": the transport sends " + SESSIONS + "{id}/<action> and " + SESSIONS
            + "<segment>, not " + p);
      }
      String request = refName(op.path("requestBody").path("content").path("application/json").path("schema"));
      String response = refName(op.path("responses").path("200").path("content").path("application/json").path("schema"));
      if (response == null) {
        throw new IllegalStateException(id + ": no JSON schema ($ref) for its 200 response");
      }
      Operation operation = new Operation(id, method, verb.getKey().toUpperCase(Locale.ROOT), p, request,
          response, hasId, text(op.path("description")), action, fixedSegment, o.get("sideEffects").asBoolean(),
          o.has("timeout") ? Duration.parse(o.get("timeout").asText()) : defaultTimeout,
          o.path("through").asText(null), o.path("unusableWhen").asText(null), streamHeader);
      seen.put(id, operation);
      operationOfParams.put(operation.params(), operation);
      operationOfResponse.put(operation.responseClass(), operation);
      if (request != null) {
        classOf.put(request, operation.params());
      }
      classOf.put(response, operation.responseClass());
    }));
    methods.fieldNames().forEachRemaining(id -> {
      if (!seen.containsKey(id)) {
        throw new IllegalStateException("overrides.yaml names operation " + id + ", which the spec does not have");
      }
      operations.add(seen.get(id));
    });
  }

  /** The operations, in the order of overrides.yaml: the order of the services' methods. */
  List<Operation> operations() {
    return operations;
  }

  private void nameSchemas() {
    Map<String, String> explicit = new LinkedHashMap<>();
    overrides.path("classes").properties().forEach(e -> e.getValue().forEach(s -> explicit.put(s.asText(), e.getKey())));
    overrides.path("handWritten").properties().forEach(e -> {
      handWritten.add(e.getKey());
      e.getValue().forEach(s -> explicit.put(s.asText(), e.getKey()));
    });
    for (String schema : explicit.keySet()) {
      if (!schemas.has(schema)) {
        throw new IllegalStateException("overrides.yaml names schema " + schema + ", which the spec does not have");
      }
    }
    Set<String> skip = new HashSet<>();
    overrides.path("skip").fieldNames().forEachRemaining(skip::add);
    for (String name : iterable(schemas.fieldNames())) {
      String base = name.endsWith("Output") && schemas.has(name.substring(0, name.length() - 6))
          ? name.substring(0, name.length() - 6) : name;
      if (skip.contains(base)) {
        continue;
      }
      if (isMapOnly(schemas.get(name))) {
        continue; // Variables: a Map<String, ...>, no class
      }
      String cls = explicit.containsKey(base) ? explicit.get(base) : classOf.getOrDefault(base, base);
      classOf.put(name, cls);
      schemasOf.computeIfAbsent(cls, k -> new ArrayList<>());
    }
    // merge order: the overrides' order, then the schemas in the spec's order, each before its Output twin
    for (Map.Entry<String, List<String>> e : schemasOf.entrySet()) {
      List<String> names = e.getValue();
      overrides.path("classes").path(e.getKey()).forEach(s -> names.add(s.asText()));
      for (boolean output : new boolean[] {false, true}) {
        for (Map.Entry<String, String> schema : classOf.entrySet()) {
          if (schema.getValue().equals(e.getKey()) && schema.getKey().endsWith("Output") == output
              && !names.contains(schema.getKey())) {
            names.add(schema.getKey());
          }
        }
      }
    }
  }

  private static boolean isMapOnly(JsonNode schema) {
    return "object".equals(schema.path("type").asText()) && !schema.has("properties")
        && schema.path("additionalProperties").isObject() && schema.path("additionalProperties").size() > 0;
  }

  /* ---------------------------------------------------------------- sides */

  /** Which classes requests reach and which responses reach: numbers of request-only classes are ints. */
  private void findSides() {
    for (Operation op : operationOfParams.values()) {
      if (op.request() != null) {
        walk(schemas.get(op.request()), sent, new HashSet<>());
      }
      if (op.response() != null) {
        walk(schemas.get(op.response()), received, new HashSet<>());
      }
    }
  }

  private void walk(JsonNode schema, Set<String> reached, Set<String> visited) {
    if (schema == null || !schema.isContainerNode()) {
      return;
    }
    String ref = refName(schema);
    if (ref != null) {
      if (classOf.containsKey(ref)) {
        reached.add(classOf.get(ref));
      }
      if (visited.add(ref)) {
        walk(schemas.get(ref), reached, visited);
      }
      return;
    }
    for (JsonNode child : schema) {
      walk(child, reached, visited);
    }
  }

  /* ---------------------------------------------------------------- classes */

  private Cls define(String name) {
    List<String> names = schemasOf.get(name);
    for (String s : names) {
      JsonNode schema = schemas.get(s);
      if ("string".equals(schema.path("type").asText()) && schema.has("enum")) {
        Cls c = new Cls(name, Cls.Kind.ENUM);
        schema.get("enum").forEach(v -> addValue(c, v.asText()));
        c.schemas.add(s);
        c.doc = doc(name, text(schema.path("description")));
        return c;
      }
    }
    boolean object = names.stream().anyMatch(s -> schemas.get(s).has("properties"));
    if (!object) {
      for (String s : names) {
        JsonNode schema = schemas.get(s);
        JsonNode forms = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
        if (forms != null && !sameClass(forms, name)) {
          return union(name, names, schema, forms);
        }
      }
    }
    Cls c = new Cls(name, Cls.Kind.OBJECT);
    c.schemas.addAll(names);
    c.operation = operationOfParams.get(name);
    c.sentOnly = c.operation != null || sent.contains(name) && !received.contains(name);
    return c;
  }

  private boolean sameClass(JsonNode forms, String name) {
    for (JsonNode form : forms) {
      String ref = refName(form);
      if (ref == null || !name.equals(classOf.get(ref))) {
        return false;
      }
    }
    return true;
  }

  /** A union of object schemas: an interface its forms implement, read by discriminator or by key. */
  private Cls union(String name, List<String> names, JsonNode schema, JsonNode forms) {
    Cls c = new Cls(name, Cls.Kind.INTERFACE);
    c.schemas.addAll(names);
    JsonNode discriminator = schema.path("discriminator");
    if (discriminator.has("propertyName")) {
      c.discriminator = discriminator.get("propertyName").asText();
      discriminator.path("mapping").properties().forEach(m ->
          c.forms.put(m.getKey(), classOf.get(m.getValue().asText().substring(REF.length()))));
    } else {
      for (JsonNode form : forms) {
        String ref = refName(form);
        JsonNode required = schemas.get(ref).path("required");
        if (required.size() != 1) {
          throw new IllegalStateException(name + ": a union without discriminator needs forms with one required key each");
        }
        c.forms.put(required.get(0).asText(), classOf.get(ref));
      }
    }
    c.doc = doc(name, text(schema.path("description")));
    return c;
  }

  /** Fills a model's properties from its schemas, merged in order. */
  private void fill(Cls c) {
    if (c.isParams()) {
      c.doc = join(paramsDoc(c.operation), docs(c.name));
    } else if (operationOfResponse.containsKey(c.name)) {
      c.doc = join("The response of {@code sessions()." + operationOfResponse.get(c.name).method() + "(...)}.",
          docs(c.name));
    }
    Map<String, List<JsonNode>> occurrences = new LinkedHashMap<>();
    Map<String, Integer> requiredCount = new LinkedHashMap<>();
    int objects = 0;
    String classDescription = null;
    for (String s : c.schemas) {
      JsonNode schema = schemas.get(s);
      if (!schema.has("properties")) {
        continue;
      }
      objects++;
      if (classDescription == null && schema.has("description")) {
        classDescription = text(schema.get("description"));
      }
      Set<String> required = new HashSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      for (Map.Entry<String, JsonNode> p : iterable(schema.get("properties").properties().iterator())) {
        if (isTransport(p.getKey())) {
          c.streaming = true;
          continue;
        }
        occurrences.computeIfAbsent(p.getKey(), k -> new ArrayList<>()).add(p.getValue());
        if (required.contains(p.getKey())) {
          requiredCount.merge(p.getKey(), 1, Integer::sum);
        }
      }
    }
    if (c.doc == null) {
      c.doc = doc(c.name, classDescription);
    }
    for (Map.Entry<String, List<JsonNode>> e : occurrences.entrySet()) {
      boolean required = requiredCount.getOrDefault(e.getKey(), 0) == objects;
      c.props.add(property(c, e.getKey(), e.getValue(), required));
    }
    c.members = snippet("members", c.name);
    c.builderMembers = snippet("builderMembers", c.name);
  }

  private String paramsDoc(Operation op) {
    String text = "The request of {@code sessions()." + op.method() + "(...)}.";
    if (op.description() != null) {
      text += " " + Javadoc.sentence(op.description());
    }
    return op.request() == null ? text + " Sent with no body." : text;
  }

  private Prop property(Cls owner, String json, List<JsonNode> occurrences, boolean required) {
    Prop p = new Prop();
    p.json = json;
    p.java = camel(json);
    String key = owner.path() + "." + json;
    JsonNode override = overrides.path("properties").path(key);
    if (!override.isMissingNode()) {
      usedOverrides.add("properties." + key);
    }
    Type type = null;
    String description = null;
    for (JsonNode schema : occurrences) {
      Typed typed = typeOf(owner, json, schema);
      p.nullable |= typed.nullable;
      p.nonEmpty |= typed.nonEmpty;
      if (typed.min != null) {
        p.min = typed.min;
        p.max = typed.max;
      }
      type = type == null ? typed.type : merge(owner, json, type, typed.type);
      if (description == null && schema.has("description")) {
        description = text(schema.get("description"));
      }
    }
    String shared = sharedEnum(key);
    if (shared != null) {
      type = Type.named(Kind.ENUM, shared);
    }
    if (override.path("json").asBoolean()) {
      type = Type.of(Kind.JSON);
    }
    p.type = type;
    p.required = required && !p.nullable && type.kind() != Kind.CONST;
    p.nonNegative = owner.sentOnly && type.isNumber() && p.min == null;
    p.element = override.has("element") ? override.get("element").asText() : singular(p.java);
    p.customAccessor = "custom".equals(override.path("accessor").asText());
    p.customSetter = "custom".equals(override.path("setter").asText());
    p.secret = secret(json);
    p.doc = propertyDoc(key, description, p);
    return p;
  }

  private String propertyDoc(String key, String description, Prop p) {
    String doc = doc(key, description);
    if (doc == null && p.type.kind() != Kind.CONST) {
      warnings.add("no Javadoc for " + key + ": the spec has no description; add one to docs.yaml");
      doc = "The {@code " + p.json + "} property.";
    }
    return doc;
  }

  private Secret secret(String json) {
    JsonNode secrets = overrides.path("secrets");
    usedOverrides.add("secrets." + json);
    if (contains(secrets.path("value"), json)) {
      return Secret.VALUE;
    }
    if (contains(secrets.path("keys"), json)) {
      return Secret.KEYS;
    }
    if (contains(secrets.path("url"), json)) {
      return Secret.URL;
    }
    if (contains(secrets.path("params"), json)) {
      return Secret.PARAMS;
    }
    if (contains(secrets.path("elements"), json)) {
      return Secret.ELEMENTS;
    }
    return Secret.NONE;
  }

  private String sharedEnum(String key) {
    for (Map.Entry<String, JsonNode> e : iterable(overrides.path("enums").properties().iterator())) {
      if (contains(e.getValue(), key)) {
        usedOverrides.add("enums." + key);
        return e.getKey();
      }
    }
    return null;
  }

  /** A property's type, with what the schema says about null, emptiness and bounds. */
  private record Typed(Type type, boolean nullable, boolean nonEmpty, Integer min, Integer max) {
    static Typed of(Type type) {
      return new Typed(type, false, false, null, null);
    }
  }

  private Typed typeOf(Cls owner, String json, JsonNode schema) {
    String ref = refName(schema);
    if (ref != null) {
      return Typed.of(refType(ref));
    }
    if (isAny(schema)) {
      boolean nullable = false;
      for (JsonNode form : schema.path("anyOf")) {
        nullable |= "null".equals(form.path("type").asText());
      }
      return new Typed(Type.of(Kind.ANY), nullable, false, null, null);
    }
    JsonNode forms = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
    if (forms != null) {
      boolean nullable = false;
      List<Type> types = new ArrayList<>();
      for (JsonNode form : forms) {
        if ("null".equals(form.path("type").asText())) {
          nullable = true;
        } else {
          Type t = typeOf(owner, json, form).type;
          if (!types.contains(t)) {
            types.add(t);
          }
        }
      }
      Type type = types.size() == 1 ? types.get(0) : union(owner, json, types);
      return new Typed(type, nullable, false, null, null);
    }
    String type = schema.path("type").asText();
    switch (type) {
      case "string":
        if (schema.has("const")) {
          return Typed.of(Type.constant(schema.get("const").asText()));
        }
        if (schema.has("enum")) {
          return Typed.of(Type.named(Kind.ENUM, nestedEnum(owner, json, schema, false)));
        }
        return new Typed(Type.of(Kind.STRING), false, schema.path("minLength").asInt(0) > 0, null, null);
      case "boolean":
        return Typed.of(Type.of(Kind.BOOLEAN));
      case "number":
      case "integer":
        if (schema.has("enum")) {
          int min = Integer.MAX_VALUE;
          int max = Integer.MIN_VALUE;
          for (JsonNode v : schema.get("enum")) {
            min = Math.min(min, v.asInt());
            max = Math.max(max, v.asInt());
          }
          return new Typed(Type.of(Kind.INT), false, false, min, max);
        }
        return Typed.of(Type.of(number(owner, json)));
      case "array": {
        JsonNode items = schema.path("items");
        if ("string".equals(items.path("type").asText()) && items.has("enum")) {
          return Typed.of(Type.list(Type.named(Kind.ENUM, nestedEnum(owner, json, items, true))));
        }
        return Typed.of(Type.list(typeOf(owner, json, items).type));
      }
      case "object":
        if (schema.has("properties")) {
          return Typed.of(Type.named(Kind.MODEL, nestedClass(owner, json, schema).name));
        }
        JsonNode values = schema.path("additionalProperties");
        return Typed.of(Type.map(values.isObject() && values.size() > 0 ? typeOf(owner, json, values).type
            : Type.of(Kind.ANY)));
      default:
        throw new IllegalStateException(owner.path() + "." + json + ": a schema this generator does not know: " + schema);
    }
  }

  /** A value of any JSON type: {@code x-stainless-any}, or a schema that says nothing of its type. */
  private static boolean isAny(JsonNode schema) {
    return schema.path("x-stainless-any").asBoolean()
        || !schema.has("type") && !schema.has("anyOf") && !schema.has("oneOf") && !schema.has("enum")
            && !schema.has("const") && !schema.has("properties");
  }

  private Type refType(String ref) {
    JsonNode schema = schemas.get(ref);
    if (isMapOnly(schema)) {
      return Type.map(typeOf(null, ref, schema.get("additionalProperties")).type);
    }
    String cls = classOf.get(ref);
    if (cls == null) {
      throw new IllegalStateException("the spec refers to " + ref + ", which has no class (overrides.yaml skip)");
    }
    if (handWritten.contains(cls)) {
      return Type.named(Kind.VALUE, cls);
    }
    Cls defined = classes.get(cls);
    if (defined == null) {
      throw new IllegalStateException("the spec refers to " + ref + ", whose class " + cls + " is not defined");
    }
    return Type.named(switch (defined.kind) {
      case ENUM -> Kind.ENUM;
      case INTERFACE -> Kind.INTERFACE;
      case OBJECT -> Kind.MODEL;
    }, cls);
  }

  private Type union(Cls owner, String json, List<Type> types) {
    JsonNode names = overrides.path("unions").path(json);
    if (names.isMissingNode()) {
      throw new IllegalStateException(owner.path() + "." + json + " takes one of " + types.size()
          + " forms: name an accessor for each in overrides.yaml (unions)");
    }
    usedOverrides.add("unions." + json);
    List<Form> forms = new ArrayList<>();
    for (Map.Entry<String, JsonNode> e : iterable(names.properties().iterator())) {
      Type form = types.stream().filter(t -> t.formKey().equals(e.getKey())).findFirst().orElseThrow(
          () -> new IllegalStateException(owner.path() + "." + json + ": overrides.yaml names a form " + e.getKey()
              + " the spec does not have"));
      forms.add(new Form(e.getValue().asText(), form));
    }
    if (forms.size() != types.size()) {
      throw new IllegalStateException(owner.path() + "." + json + ": overrides.yaml (unions) names " + forms.size()
          + " forms, the spec has " + types.stream().map(Type::formKey).toList());
    }
    return Type.union(forms);
  }

  /** The type of a property that several merged schemas define, each its own way. */
  private Type merge(Cls owner, String json, Type a, Type b) {
    if (a.equals(b)) {
      return a;
    }
    if (a.kind() == Kind.CONST && b.kind() == Kind.CONST) {
      return a; // values of a shared enumeration (overrides.yaml enums)
    }
    if (a.kind() == Kind.ENUM && b.kind() == Kind.CONST || a.kind() == Kind.CONST && b.kind() == Kind.ENUM) {
      return a.kind() == Kind.ENUM ? a : b;
    }
    if (a.is(Kind.MODEL, Kind.INTERFACE) && b.is(Kind.MODEL, Kind.INTERFACE)) {
      Set<String> members = new HashSet<>();
      for (Type t : List.of(a, b)) {
        if (t.kind() == Kind.INTERFACE) {
          members.addAll(classes.get(t.name()).forms.values());
        } else {
          members.add(t.name());
        }
      }
      for (Cls c : classes.values()) {
        if (c.kind == Cls.Kind.INTERFACE && new HashSet<>(c.forms.values()).containsAll(members)) {
          return Type.named(Kind.INTERFACE, c.name);
        }
      }
    }
    throw new IllegalStateException(owner.path() + "." + json + " has two types in merged schemas: " + a + ", " + b);
  }

  private Kind number(Cls owner, String json) {
    String key = owner.path() + "." + json;
    JsonNode override = overrides.path("numbers").path(key);
    if (!override.isMissingNode()) {
      usedOverrides.add("numbers." + key);
      return Kind.valueOf(override.asText().toUpperCase(Locale.ROOT));
    }
    return owner.sentOnly ? Kind.INT : Kind.DOUBLE;
  }

  private String nestedEnum(Cls owner, String json, JsonNode schema, boolean element) {
    String key = owner.path() + "." + json;
    String shared = sharedEnum(key);
    if (shared != null) {
      Cls c = classes.computeIfAbsent(shared, n -> {
        Cls e = new Cls(n, Cls.Kind.ENUM);
        e.doc = doc(n, null);
        return e;
      });
      for (JsonNode v : schema.get("enum")) {
        addValue(c, v.asText());
      }
      return shared;
    }
    String name = capital(element ? singular(json) : json);
    Cls c = nested(owner, name, Cls.Kind.ENUM);
    for (JsonNode v : schema.get("enum")) {
      addValue(c, v.asText());
    }
    c.doc = doc(c.path(), null);
    return name;
  }

  private Cls nestedClass(Cls owner, String json, JsonNode schema) {
    Cls c = nested(owner, capital(json), Cls.Kind.OBJECT);
    if (c.props.isEmpty()) {
      c.sentOnly = owner.sentOnly;
      c.doc = doc(c.path(), text(schema.path("description")));
      Set<String> required = new HashSet<>();
      schema.path("required").forEach(r -> required.add(r.asText()));
      schema.get("properties").properties().forEach(p ->
          c.props.add(property(c, p.getKey(), List.of(p.getValue()), required.contains(p.getKey()))));
    }
    return c;
  }

  private static Cls nested(Cls owner, String name, Cls.Kind kind) {
    for (Cls n : owner.nested) {
      if (n.name.equals(name)) {
        return n;
      }
    }
    Cls c = new Cls(name, kind);
    c.outer = owner;
    owner.nested.add(c);
    return c;
  }

  private static void addValue(Cls c, String value) {
    if (!c.values.contains(value)) {
      c.values.add(value);
    }
  }

  /** The shared enumerations of overrides.yaml get their const values (vertex, azure) as well. */
  private void addExtras() {
    for (Map.Entry<String, JsonNode> e : iterable(overrides.path("enums").properties().iterator())) {
      Cls c = classes.get(e.getKey());
      for (JsonNode key : e.getValue()) {
        String[] parts = key.asText().split("\\.", 2);
        for (String schema : schemasOf.getOrDefault(parts[0], List.of())) {
          JsonNode p = schemas.get(schema).path("properties").path(parts[1]);
          if (p.has("const")) {
            addValue(c, p.get("const").asText());
          }
        }
      }
    }
    for (Map.Entry<String, JsonNode> e : iterable(overrides.path("extraProperties").properties().iterator())) {
      String[] parts = e.getKey().split("\\.", 2);
      Cls c = classes.get(parts[0]);
      if (c == null) {
        throw new IllegalStateException("overrides.yaml extraProperties: no class " + parts[0]);
      }
      Prop p = new Prop();
      p.json = parts[1];
      p.java = camel(parts[1]);
      p.type = Type.of(Kind.valueOf(e.getValue().path("type").asText().toUpperCase(Locale.ROOT)));
      p.element = singular(p.java);
      p.doc = doc(e.getKey(), null);
      if (p.doc == null) {
        throw new IllegalStateException(e.getKey() + " is not in the spec: docs.yaml must say what it is");
      }
      c.props.add(p);
    }
  }

  /** end and replay have no request body, so no schema: their params class comes from the operation. */
  private void addParamsWithoutBody() {
    for (Map.Entry<String, Operation> e : operationOfParams.entrySet()) {
      if (e.getValue().request() == null) {
        Cls c = new Cls(e.getKey(), Cls.Kind.OBJECT);
        c.operation = e.getValue();
        c.doc = join(paramsDoc(c.operation), docs(c.name));
        c.members = snippet("members", c.name);
        c.builderMembers = snippet("builderMembers", c.name);
        classes.put(c.name, c);
      }
    }
  }

  private Snippet snippet(String section, String cls) {
    JsonNode node = overrides.path(section).path(cls);
    if (node.isMissingNode()) {
      return null;
    }
    usedOverrides.add(section + "." + cls);
    List<String> imports = new ArrayList<>();
    node.path("imports").forEach(i -> imports.add(i.asText()));
    return new Snippet(imports, node.path("code").asText());
  }

  private boolean isTransport(String json) {
    return contains(overrides.path("transport"), json);
  }

  /** Every entry of the overrides and docs names something that exists. */
  private void checkAllUsed() {
    for (String section : List.of("properties", "numbers", "members", "builderMembers")) {
      for (String key : iterable(overrides.path(section).fieldNames())) {
        if (!usedOverrides.contains(section + "." + key)) {
          throw new IllegalStateException("overrides.yaml " + section + ": " + key + " names no class or property");
        }
      }
    }
    for (String key : iterable(overrides.path("unions").fieldNames())) {
      if (!usedOverrides.contains("unions." + key)) {
        throw new IllegalStateException("overrides.yaml unions: no union property " + key);
      }
    }
    for (JsonNode list : overrides.path("enums")) {
      for (JsonNode key : list) {
        if (!usedOverrides.contains("enums." + key.asText())) {
          throw new IllegalStateException("overrides.yaml enums: " + key.asText() + " is no enumeration property");
        }
      }
    }
    for (JsonNode list : overrides.path("secrets")) {
      for (JsonNode name : list) {
        if (!usedOverrides.contains("secrets." + name.asText())) {
          throw new IllegalStateException("overrides.yaml secrets: no property is named " + name.asText());
        }
      }
    }
    for (String schema : iterable(overrides.path("skip").fieldNames())) {
      if (!schemas.has(schema)) {
        throw new IllegalStateException("overrides.yaml skip: the spec has no schema " + schema);
      }
    }
  }

  /** After writing: every entry of docs.yaml was used (union forms are looked up while writing). */
  void checkDocsUsed() {
    for (String key : docs.keySet()) {
      if (!usedDocs.contains(key)) {
        throw new IllegalStateException("docs.yaml: " + key + " names no class, property or union form");
      }
    }
  }

  /* ---------------------------------------------------------------- docs */

  /** The Javadoc of a class or property: the spec's description, and what docs.yaml adds. */
  String doc(String key, String description) {
    return join(description == null ? null : Javadoc.sentence(description), docs(key));
  }

  /** What docs.yaml says of a class or property, or null. */
  private String docs(String key) {
    String text = docs.get(key);
    if (text != null) {
      usedDocs.add(key);
    }
    return text;
  }

  private static String join(String first, String second) {
    return first == null ? second : second == null ? first : first + " " + second;
  }

  /**
   * The Javadoc of an operation's service methods: docs.yaml ({@code operations: {method: text}}), whose
   * first sentence is the summary the other methods repeat, or else the spec's description.
   */
  String operationDoc(Operation op) {
    String text = docs("operations." + op.method());
    if (text == null) {
      String warning = "no Javadoc for operation " + op.id() + ": add operations." + op.method() + " to docs.yaml";
      if (!warnings.contains(warning)) {
        warnings.add(warning);
      }
      text = op.description() != null ? Javadoc.sentence(op.description()) : "Calls {@code " + op.path() + "}.";
    }
    return text;
  }

  /** The text docs.yaml gives a union form, by its accessor, or null. */
  String formDoc(String accessor) {
    String key = "forms." + accessor;
    String text = docs.get(key);
    if (text != null) {
      usedDocs.add(key);
    }
    return text;
  }

  /* ---------------------------------------------------------------- helpers */

  private static JsonNode required(JsonNode node, String field) {
    if (!node.has(field)) {
      throw new IllegalStateException("overrides.yaml has no " + field);
    }
    return node.get(field);
  }

  private static String text(JsonNode node) {
    return node.isMissingNode() || node.isNull() ? null : node.asText();
  }

  static String refName(JsonNode schema) {
    JsonNode ref = schema.get("$ref");
    if (ref == null) {
      return null;
    }
    if (!ref.asText().startsWith(REF)) {
      throw new IllegalStateException("Unsupported $ref " + ref.asText());
    }
    return ref.asText().substring(REF.length());
  }

  private static boolean contains(JsonNode array, String value) {
    for (JsonNode v : array) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** {@code input_tokens} to {@code inputTokens}; camelCase names stay as they are. */
  static String camel(String json) {
    String[] parts = json.split("[_-]");
    StringBuilder name = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].isEmpty()) {
        name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
      }
    }
    return name.toString();
  }

  static String capital(String name) {
    String camel = camel(name);
    return Character.toUpperCase(camel.charAt(0)) + camel.substring(1);
  }

  /** {@code actions} to {@code action}, for {@code addAction}; other names stay. */
  static String singular(String name) {
    return name.endsWith("s") && name.length() > 3 ? name.substring(0, name.length() - 1) : name;
  }

  private static <T> Iterable<T> iterable(java.util.Iterator<T> iterator) {
    return () -> iterator;
  }
}
