package com.browserbase.stagehand.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.core.OpenEnum;
import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.core.http.StreamResponse;
import com.browserbase.stagehand.services.SessionService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Checks the SDK against the official OpenAPI spec, by reflection: every schema has its class, every
 * property of every request and response schema its accessor and builder method, every enumeration
 * value its constant, every union form its overload, every operation its {@link SessionService}
 * methods and every credential header its client setting. A field, value, form or operation new in
 * the spec fails the build until the SDK has it. The few names that differ by design are in the
 * tables below, each with its reason; anything else unexplained fails with a message naming the
 * schema and property.
 */
class SpecCoverageTest {
  private static final String MODELS = "com.browserbase.stagehand.models.sessions.";

  /** Schemas whose class has another name (after dropping the spec's {@code Output} suffix). */
  static final Map<String, String> CLASS_NAMES = table(
      "SessionStartRequest", "SessionStartParams",
      "NavigateRequest", "SessionNavigateParams",
      "NavigateResponse", "SessionNavigateResponse",
      "ActRequest", "SessionActParams",
      "ActResponse", "SessionActResponse",
      "ObserveRequest", "SessionObserveParams",
      "ObserveResponse", "SessionObserveResponse",
      "ExtractRequest", "SessionExtractParams",
      "ExtractResponse", "SessionExtractResponse",
      "AgentExecuteRequest", "SessionExecuteAgentParams",
      "AgentExecuteResponse", "SessionExecuteAgentResponse",
      "ReplayResponse", "SessionReplayResponse",
      // One class for both payloads of a stream event.
      "StreamEventSystemData", "StreamEventData",
      "StreamEventLogData", "StreamEventData",
      // One class for the generic, Vertex and Azure model configurations.
      "ModelConfigObject", "ModelConfig",
      "GenericModelConfigObject", "ModelConfig",
      "VertexModelConfigObject", "ModelConfig",
      "AzureModelConfigObject", "ModelConfig",
      "AzureEntraModelConfigObject", "ModelConfig",
      "AzureApiKeyModelConfigObject", "ModelConfig",
      // A variable's value, bare or with a description; the map of them is Map<String, VariableValue>.
      "VariablePrimitive", "VariableValue",
      "Variables", "VariableValue");

  /** Schemas that are transport-level, not a class of their own. */
  static final Map<String, String> TRANSPORT_LEVEL = table(
      "ErrorResponse", "error bodies become StagehandServiceException (statusCode(), message(), code(), body())",
      "SessionIdParams", "the {id} path parameter: id() and id(String) of every Session*Params, checked with the operations",
      "SessionHeaders", "x-stream-response is chosen by the method (the ...Streaming ones), never set by users",
      "SessionEndResult", "an empty object that no operation returns (end answers SessionEndResponse)");

  /** Properties whose forms have an accessor each; the builder has one overload per form. */
  static final Map<String, List<String>> UNION_ACCESSORS = unions(
      "input", "instruction", "action",
      "model", "modelName", "modelConfig",
      "executionModel", "executionModelName", "executionModelConfig",
      "proxies", "proxiesEnabled", "proxyList",
      "ignoreDefaultArgs", "ignoreAllDefaultArgs", "ignoredDefaultArgs",
      "scopes", "scope", "scopeList");

  /** Properties without accessor or builder method, by design. */
  static final Map<String, String> NOT_SET_BY_USERS = table(
      "streamResponse", "sent as true by the ...Streaming methods, never by the others");

  /** Setters that are not a builder method of the property's name: VariableValue is a value, not a builder. */
  static final Map<String, String> FACTORIES = table(
      "VariableValue.value", "of",
      "VariableValue.description", "withDescription");

  /** The operations, by operationId: the SessionService method. */
  static final Map<String, String> OPERATIONS = table(
      "SessionStart", "start",
      "SessionNavigate", "navigate",
      "SessionAct", "act",
      "SessionObserve", "observe",
      "SessionExtract", "extract",
      "SessionAgentExecute", "executeAgent",
      "SessionReplay", "replay",
      "SessionEnd", "end");

  /** The operations with a ...Streaming method: those that report progress while they work. */
  static final Set<String> STREAMING = new LinkedHashSet<>(
      Arrays.asList("navigate", "act", "observe", "extract", "executeAgent"));

  /** Credential headers: the client builder's setter. */
  static final Map<String, String> CREDENTIALS = table(
      "x-bb-api-key", "browserbaseApiKey",
      "x-bb-project-id", "browserbaseProjectId",
      "x-model-api-key", "modelApiKey");

  private static Spec spec;

  @BeforeAll
  static void readSpec() {
    spec = Spec.loadOrSkip("Spec coverage");
  }

  @Test
  void everySchemaAndPropertyHasItsSdkClassAccessorAndBuilderMethod() {
    Checker checker = new Checker(spec);
    checker.checkSchemas();
    checker.checkOperations();
    checker.checkCredentials();

    assertThat(checker.problems).as("what the spec at %s has and the SDK lacks", spec.path).isEmpty();
    assertThat(checker.operations).as("operations checked").isEqualTo(OPERATIONS.size());
    assertThat(checker.properties).as("properties checked").isGreaterThan(300);
    System.out.println("[contract] Spec coverage: " + spec.root.path("info").path("title").asText() + " "
        + spec.version() + ": " + checker.operations + " operations, " + checker.schemas + " schemas and "
        + checker.properties + " properties map to the SDK; without a class of their own by design: "
        + String.join(", ", checker.exceptions));
  }

  @Test
  void somethingNewInTheSpecFailsUntilTheSdkHasIt() {
    ObjectNode root = spec.root.deepCopy();
    ObjectNode schemas = (ObjectNode) root.path("components").path("schemas");
    ((ObjectNode) schemas.path("ActOptions").path("properties")).putObject("brandNewOption").put("type", "string");
    ((ObjectNode) schemas.path("AgentUsageOutput").path("properties")).putObject("audio_tokens").put("type", "number");
    ((ArrayNode) schemas.path("StreamEventStatus").path("enum")).add("paused");
    schemas.putObject("BrandNewSchema").put("type", "object");
    ((ObjectNode) root.path("paths")).putObject("/v1/sessions/{id}/screenshot").putObject("post")
        .put("operationId", "SessionScreenshot");

    Checker checker = new Checker(Spec.of(spec.path, root));
    checker.checkSchemas();
    checker.checkOperations();

    assertThat(checker.problems).contains(
        "ActOptions.brandNewOption: no accessor ActOptions.brandNewOption()",
        "ActOptions.brandNewOption: no builder method ActOptions.Builder.brandNewOption(..)",
        "AgentUsageOutput.audio_tokens: no accessor AgentUsage.audioTokens()",
        "StreamEventStatus: value 'paused' is not a constant of StreamEventStatus",
        "BrandNewSchema: no SDK class " + MODELS + "BrandNewSchema",
        "operation SessionScreenshot (POST /v1/sessions/{id}/screenshot): no SessionService method");
  }

  /** Collects what the spec has and the SDK lacks. */
  static final class Checker {
    final Spec spec;
    final List<String> problems = new ArrayList<>();
    final Set<String> exceptions = new TreeSet<>();
    int schemas;
    int properties;
    int operations;

    Checker(Spec spec) {
      this.spec = spec;
    }

    void checkSchemas() {
      for (Map.Entry<String, JsonNode> schema : Spec.entries(spec.schemas())) {
        String name = schema.getKey();
        if (TRANSPORT_LEVEL.containsKey(name)) {
          exceptions.add(name);
          continue;
        }
        Class<?> type = classFor(name);
        if (type == null) {
          problem("%s: no SDK class %s%s", name, MODELS, className(name));
          continue;
        }
        schemas++;
        checkShape(name, schema.getValue(), type);
      }
    }

    /** The class of a component schema, or null. */
    static Class<?> classFor(String schemaName) {
      try {
        return Class.forName(MODELS + className(schemaName));
      } catch (ClassNotFoundException e) {
        return null;
      }
    }

    static String className(String schemaName) {
      String base = schemaName.endsWith("Output")
          ? schemaName.substring(0, schemaName.length() - "Output".length())
          : schemaName;
      return CLASS_NAMES.getOrDefault(base, base);
    }

    private void checkShape(String where, JsonNode schema, Class<?> type) {
      String ref = Spec.refName(schema);
      if (ref != null) {
        Class<?> target = classFor(ref);
        if (target != type) {
          problem("%s: an alias of %s, whose class %s is not %s", where, ref, className(ref), type.getSimpleName());
        }
        return;
      }
      if (schema.has("enum") && "string".equals(schema.path("type").asText())) {
        checkEnum(where, schema.get("enum"), type);
        return;
      }
      JsonNode forms = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
      if (forms != null) {
        for (JsonNode form : forms) {
          String formRef = Spec.refName(form);
          if (formRef != null) {
            Class<?> formType = classFor(formRef);
            if (formType == null || !type.isAssignableFrom(formType)) {
              problem("%s: its form %s (class %s) is not a %s", where, formRef, className(formRef), type.getSimpleName());
            }
          } else if (form.has("properties")) {
            checkProperties(where, form, type);
          } else {
            checkFactory(where, form.path("type").asText(), type);
          }
        }
        return;
      }
      if (schema.has("properties")) {
        checkProperties(where, schema, type);
      } else if (schema.path("additionalProperties").isObject()) {
        checkShape(where, schema.get("additionalProperties"), type);
      }
    }

    /** A primitive form of a value class: a static {@code of(...)} taking it. */
    private void checkFactory(String where, String jsonType, Class<?> type) {
      Class<?> parameter = "string".equals(jsonType) ? String.class
          : "number".equals(jsonType) ? Number.class
          : "boolean".equals(jsonType) ? boolean.class
          : null;
      if (parameter == null) {
        problem("%s: a form of type '%s' this checker does not know", where, jsonType);
        return;
      }
      try {
        Method of = type.getMethod("of", parameter);
        if (!Modifier.isStatic(of.getModifiers())) {
          problem("%s: %s.of(%s) is not static", where, type.getSimpleName(), parameter.getSimpleName());
        }
      } catch (NoSuchMethodException e) {
        problem("%s: no factory %s.of(%s) for its %s form", where, type.getSimpleName(), parameter.getSimpleName(), jsonType);
      }
    }

    private void checkEnum(String where, JsonNode values, Class<?> type) {
      if (!OpenEnum.class.isAssignableFrom(type)) {
        problem("%s: an enumeration, but %s is not an open enumeration", where, type.getSimpleName());
        return;
      }
      for (JsonNode value : values) {
        if (!isKnown(type, value.asText())) {
          problem("%s: value '%s' is not a constant of %s", where, value.asText(), type.getSimpleName());
        }
      }
    }

    private static boolean isKnown(Class<?> openEnum, String value) {
      try {
        return ((OpenEnum) openEnum.getMethod("of", String.class).invoke(null, value)).isKnown();
      } catch (ReflectiveOperationException e) {
        throw new AssertionError(openEnum + " has no of(String)", e);
      }
    }

    private void checkProperties(String where, JsonNode schema, Class<?> type) {
      boolean value = FACTORIES.keySet().stream().anyMatch(k -> k.startsWith(type.getSimpleName() + "."));
      if (!value && publicMethod(type, "validate", 0) == null) { // a value built by factories is always valid
        problem("%s: no %s.validate()", where, type.getSimpleName());
      }
      Class<?> builder = nested(type, "Builder");
      for (Map.Entry<String, JsonNode> property : Spec.entries(schema.path("properties"))) {
        String name = property.getKey();
        JsonNode propertySchema = property.getValue();
        String label = where + "." + name;
        properties++;
        if (NOT_SET_BY_USERS.containsKey(name)) {
          exceptions.add(name);
          continue;
        }
        List<Method> accessors = new ArrayList<>();
        for (String accessor : UNION_ACCESSORS.getOrDefault(name, List.of(camel(name)))) {
          Method method = publicMethod(type, accessor, 0);
          if (method == null || Modifier.isStatic(method.getModifiers())) {
            problem("%s: no accessor %s.%s()", label, type.getSimpleName(), accessor);
          } else {
            accessors.add(method);
          }
        }
        if (!propertySchema.has("const")) { // a constant is set by the class itself
          checkSetter(label, name, propertySchema, type, builder);
        }
        if (accessors.size() == 1 && !UNION_ACCESSORS.containsKey(name)) {
          checkPayload(label, propertySchema, accessors.get(0));
        }
      }
    }

    private void checkSetter(String label, String name, JsonNode propertySchema, Class<?> type, Class<?> builder) {
      String factory = FACTORIES.get(type.getSimpleName() + "." + name);
      Class<?> holder = factory != null ? type : builder;
      String setter = factory != null ? factory : camel(name);
      List<Method> setters = holder == null ? List.of() : Arrays.stream(holder.getMethods())
          .filter(m -> m.getName().equals(setter) && m.getParameterCount() == 1)
          .collect(Collectors.toList());
      if (setters.isEmpty()) {
        problem("%s: no builder method %s.%s(..)", label,
            holder == type || builder == null ? type.getSimpleName() : type.getSimpleName() + ".Builder", setter);
      } else if (UNION_ACCESSORS.containsKey(name)) {
        long forms = forms(propertySchema).stream().filter(f -> !"null".equals(f.path("type").asText())).count();
        if (setters.size() < forms) {
          problem("%s: %d forms in the spec, but %d overloads of %s.Builder.%s(..)", label, forms, setters.size(),
              type.getSimpleName(), setter);
        }
      }
    }

    /** The type an accessor returns matches what the spec says the property holds. */
    private void checkPayload(String label, JsonNode propertySchema, Method accessor) {
      Class<?> element = element(accessor.getGenericReturnType());
      JsonNode schema = propertySchema.has("items") ? propertySchema.get("items") : propertySchema;
      if (schema.has("additionalProperties") && schema.get("additionalProperties").has("$ref")) {
        schema = schema.get("additionalProperties");
      }
      for (JsonNode form : forms(schema)) {
        String ref = Spec.refName(form);
        if (ref != null) {
          Class<?> expected = classFor(ref);
          if (expected != null && !element.isAssignableFrom(expected)) {
            problem("%s: holds a %s (class %s), but %s() returns %s", label, ref, className(ref), accessor.getName(),
                accessor.getGenericReturnType().getTypeName());
          }
        } else if ("string".equals(form.path("type").asText()) && (form.has("enum") || form.has("const"))
            && (form.has("enum") || OpenEnum.class.isAssignableFrom(element))) {
          JsonNode values = form.has("enum") ? form.get("enum") : JsonNodeFactory.instance.arrayNode().add(form.get("const"));
          checkEnum(label, values, element);
        } else if (form.has("properties")) {
          checkProperties(label, form, element); // an inline object: a nested class
        }
      }
    }

    private static List<JsonNode> forms(JsonNode schema) {
      JsonNode forms = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
      List<JsonNode> list = new ArrayList<>();
      if (forms == null) {
        list.add(schema);
      } else {
        forms.forEach(list::add);
      }
      return list;
    }

    /** {@code Optional<X>}, {@code List<X>}, {@code Map<String, X>}: X; otherwise the class itself. */
    private static Class<?> element(Type type) {
      if (type instanceof ParameterizedType) {
        ParameterizedType parameterized = (ParameterizedType) type;
        Class<?> raw = (Class<?>) parameterized.getRawType();
        Type[] arguments = parameterized.getActualTypeArguments();
        if (raw == Optional.class || List.class.isAssignableFrom(raw)) {
          return element(arguments[0]);
        }
        if (Map.class.isAssignableFrom(raw)) {
          return element(arguments[1]);
        }
        return raw;
      }
      return type instanceof Class ? (Class<?>) type : Object.class;
    }

    void checkOperations() {
      Set<String> seen = new LinkedHashSet<>();
      for (Map.Entry<String, JsonNode> path : Spec.entries(spec.root.path("paths"))) {
        for (Map.Entry<String, JsonNode> verb : Spec.entries(path.getValue())) {
          JsonNode operation = verb.getValue();
          String id = operation.path("operationId").asText();
          String label = "operation " + id + " (" + verb.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey() + ")";
          String method = OPERATIONS.get(id);
          if (method == null) {
            problem("%s: no SessionService method", label);
            continue;
          }
          seen.add(id);
          checkOperation(label, method, operation);
        }
      }
      for (String id : OPERATIONS.keySet()) {
        if (!seen.contains(id)) {
          problem("operation %s: SessionService.%s has no operation in the spec", id, OPERATIONS.get(id));
        }
      }
    }

    private void checkOperation(String label, String name, JsonNode operation) {
      operations++;
      JsonNode body = operation.path("requestBody").path("content").path("application/json").path("schema");
      Class<?> params = body.isMissingNode()
          ? classFor("Session" + Character.toUpperCase(name.charAt(0)) + name.substring(1) + "Params")
          : classFor(Spec.refName(body));
      String responseRef = Spec.refName(
          operation.path("responses").path("200").path("content").path("application/json").path("schema"));
      Class<?> response = responseRef == null ? null : classFor(responseRef);
      if (params == null || response == null) {
        problem("%s: no params or response class (request %s, response %s)", label, body, responseRef);
        return;
      }
      checkServiceMethod(label, name, params, response);
      checkServiceMethod(label, name, params, RequestOptions.class, response);
      if (STREAMING.contains(name)) {
        checkServiceMethod(label, name + "Streaming", params, StreamResponse.class);
        checkServiceMethod(label, name + "Streaming", params, RequestOptions.class, StreamResponse.class);
      }
      for (JsonNode parameter : operation.path("parameters")) {
        String in = parameter.path("in").asText();
        String parameterName = parameter.path("name").asText();
        if ("path".equals(in) && "id".equals(parameterName)) {
          if (publicMethod(params, "id", 0) == null || publicMethod(nested(params, "Builder"), "id", 1) == null) {
            problem("%s: path parameter id: no %s.id() and %s.Builder.id(String)", label, params.getSimpleName(),
                params.getSimpleName());
          }
        } else if ("header".equals(in) && "x-stream-response".equals(parameterName)) {
          exceptions.add("x-stream-response");
        } else {
          problem("%s: %s parameter %s: not in the SDK", label, in, parameterName);
        }
      }
    }

    private void checkServiceMethod(String label, String name, Object... signature) {
      Class<?>[] parameters = new Class<?>[signature.length - 1];
      for (int i = 0; i < parameters.length; i++) {
        parameters[i] = (Class<?>) signature[i];
      }
      Class<?> returns = (Class<?>) signature[signature.length - 1];
      try {
        Method method = SessionService.class.getMethod(name, parameters);
        if (method.getReturnType() != returns) {
          problem("%s: SessionService.%s returns %s, not %s", label, name, method.getReturnType().getSimpleName(),
              returns.getSimpleName());
        }
      } catch (NoSuchMethodException e) {
        problem("%s: no SessionService.%s(%s)", label, name,
            Arrays.stream(parameters).map(Class::getSimpleName).collect(Collectors.joining(", ")));
      }
    }

    void checkCredentials() {
      for (Map.Entry<String, JsonNode> scheme : Spec.entries(spec.root.path("components").path("securitySchemes"))) {
        String header = scheme.getValue().path("name").asText();
        String setter = CREDENTIALS.get(header);
        if (!"header".equals(scheme.getValue().path("in").asText()) || setter == null) {
          problem("security scheme %s (%s): no client setting", scheme.getKey(), header);
        } else if (publicMethod(StagehandOkHttpClient.Builder.class, setter, 1) == null) {
          problem("security scheme %s (%s): no StagehandOkHttpClient.Builder.%s(String)", scheme.getKey(), header, setter);
        }
      }
    }

    private void problem(String format, Object... args) {
      problems.add(String.format(format, args));
    }
  }

  static Method publicMethod(Class<?> type, String name, int parameters) {
    if (type == null) {
      return null;
    }
    for (Method method : type.getMethods()) {
      if (method.getName().equals(name) && method.getParameterCount() == parameters) {
        return method;
      }
    }
    return null;
  }

  static Class<?> nested(Class<?> type, String simpleName) {
    for (Class<?> nested : type.getClasses()) {
      if (nested.getSimpleName().equals(simpleName)) {
        return nested;
      }
    }
    return null;
  }

  /** {@code input_tokens} -> {@code inputTokens}; camelCase names stay as they are. */
  static String camel(String wireName) {
    String[] parts = wireName.split("[_-]");
    StringBuilder name = new StringBuilder(parts[0]);
    for (int i = 1; i < parts.length; i++) {
      if (!parts[i].isEmpty()) {
        name.append(Character.toUpperCase(parts[i].charAt(0))).append(parts[i].substring(1));
      }
    }
    return name.toString();
  }

  private static Map<String, String> table(String... keysAndValues) {
    Map<String, String> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }

  private static Map<String, List<String>> unions(String... groups) {
    Map<String, List<String>> map = new LinkedHashMap<>();
    for (int i = 0; i < groups.length; i += 3) {
      map.put(groups[i], List.of(groups[i + 1], groups[i + 2]));
    }
    return map;
  }
}
