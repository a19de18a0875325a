package com.browserbase.stagehand.codegen;

import com.browserbase.stagehand.codegen.JavaWriter.Out;
import com.browserbase.stagehand.codegen.Model.Cls;
import com.browserbase.stagehand.codegen.Model.Operation;
import com.browserbase.stagehand.codegen.Model.Prop;
import com.browserbase.stagehand.codegen.Model.Type.Kind;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes what each operation needs besides its models: the service interfaces SessionService and
 * SessionServiceAsync (each with its WithRawResponse), their implementations, and {@code Operation}, one
 * constant per operation (its endpoint, response type and request), which the implementations and the
 * session handles send through. The parts that are not operations come from services.yaml as they are.
 */
final class ServiceWriter {
  private static final int WIDTH = 120;
  private static final Pattern LINK = Pattern.compile("\\{@link ([A-Z][A-Za-z0-9]*)");
  private static final List<String> SOURCES = List.of("paths", "codegen/services.yaml");

  /** One way of calling the operations: its return types and the transport's methods. */
  private record Flavor(boolean raw, boolean async) {
    String returns(String response) {
      String value = raw ? "HttpResponseFor<" + response + ">" : response;
      return async ? "CompletableFuture<" + value + ">" : value;
    }

    String streams() {
      return !raw && async ? "AsyncStreamResponse<StreamEvent>"
          : returns("StreamResponse<StreamEvent>");
    }

    /** The transport's method: execute, executeRaw, executeAsync, executeRawAsync; stream... likewise. */
    String transport(boolean stream) {
      return (stream ? "stream" : "execute") + (raw ? "Raw" : "") + (async ? "Async" : "");
    }
  }

  private final List<Operation> operations;
  private final Map<String, Cls> classes;
  private final JsonNode services;
  private final Function<Operation, String> docs;
  private final List<String> timeoutPath;
  private final Duration defaultTimeout;

  ServiceWriter(List<Operation> operations, Map<String, Cls> classes, JsonNode overrides, JsonNode services,
      Function<Operation, String> docs) {
    this.operations = operations;
    this.classes = classes;
    this.services = services;
    this.docs = docs;
    this.timeoutPath = overrides.has("operationTimeout")
        ? List.of(overrides.get("operationTimeout").asText().split("\\.")) : List.of();
    this.defaultTimeout = Duration.parse(overrides.path("timeout").asText());
    JsonNode fields = services.path("implementations").path("fields");
    for (Operation op : operations) {
      if (op.through() != null && !fields.has(op.through())) {
        throw new IllegalStateException("overrides.yaml operations: " + op.id() + " goes through " + op.through()
            + ", which is no field of services.yaml (implementations)");
      }
    }
  }

  /** The generated files, by class name. */
  Map<String, String> files() {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("SessionService", service("SessionService", false));
    files.put("SessionServiceAsync", service("SessionServiceAsync", true));
    files.put("SessionServiceImpl", implementation("SessionService", false));
    files.put("SessionServiceAsyncImpl", implementation("SessionServiceAsync", true));
    files.put("Operation", operation());
    return files;
  }

  /**
   * Whether an operation gets {@code ...Streaming} methods: it takes the {@code x-stream-response} header and its
   * body has the transport property {@code streamResponse} (overrides.yaml transport). The spec declares the header
   * on every operation, start, replay and end included, which answer no stream: the body property is what tells.
   */
  private boolean streams(Operation op) {
    Cls params = classes.get(op.params());
    return op.streamHeader() && params != null && params.streaming;
  }

  /* ---------------------------------------------------------------- interfaces */

  private String service(String name, boolean async) {
    JsonNode part = part(name);
    Out out = new Out(Packages.of(name));
    uses(out, part);
    out.use("RequestOptions", "HttpResponseFor", "StreamResponse");
    if (async) {
      out.use("AsyncStreamResponse", "java.util.concurrent.CompletableFuture");
    }
    out.rawDoc(part.path("doc").asText());
    out.open("public interface " + name);
    snippet(out, part);
    Flavor plain = new Flavor(false, async);
    for (Operation op : operations) {
      declare(out, op, plain);
    }
    out.member();
    out.rawDoc(part.path("raw").asText());
    out.open("interface WithRawResponse");
    Flavor raw = new Flavor(true, async);
    for (Operation op : operations) {
      declare(out, op, raw);
    }
    out.close();
    out.close();
    return file(Packages.of(name), out);
  }

  /** An operation's methods: a default one without options, the one with options, and their streaming twins. */
  private void declare(Out out, Operation op, Flavor flavor) {
    String params = op.params();
    out.use(model(params), model(op.responseClass()));
    String doc = docs.apply(op);
    links(out, doc);
    String summary = summary(doc);
    String main = flavor.raw() ? summary + ", with the raw HTTP response." : doc + notes(op);
    String withOptions = summary + ", with options for this call only.";
    overloads(out, flavor.returns(op.responseClass()), op.method(), params, main, withOptions);
    if (streams(op)) {
      out.use(model("StreamEvent"));
      overloads(out, flavor.streams(), op.method() + "Streaming", params,
          "Streams {@code " + op.method() + "}: progress events, then a {@code finished} event with the result.",
          "Streams {@code " + op.method() + "}, with options for this call only.");
    }
  }

  private static void overloads(Out out, String returns, String method, String params, String doc, String withOptions) {
    out.member();
    out.doc(doc);
    out.open("default " + returns + " " + method + "(" + params + " params)");
    out.line("return " + method + "(params, RequestOptions.none());");
    out.close();
    out.member();
    out.doc(withOptions);
    out.line(returns + " " + method + "(" + params + " params, RequestOptions options);");
  }

  /** What overrides.yaml adds to an operation's Javadoc. */
  private String notes(Operation op) {
    String notes = "";
    if (!op.timeout().equals(defaultTimeout)) {
      notes += " Can take " + (op.timeout().toMinutes() > 1 ? "minutes" : "a while") + ": the default HTTP timeout is "
          + duration(op.timeout()) + ".";
    }
    if (op.sideEffects()) {
      notes += " Not retried once the server may have acted on it.";
    }
    return notes;
  }

  /** The first sentence of a text, without its period. */
  static String summary(String doc) {
    Matcher end = Pattern.compile("\\.(\\s+[A-Z]|$)").matcher(doc);
    return end.find() ? doc.substring(0, end.start()) : doc;
  }

  private static String duration(Duration d) {
    if (d.toSeconds() % 60 == 0) {
      long minutes = d.toMinutes();
      return minutes + (minutes == 1 ? " minute" : " minutes");
    }
    return d.toSeconds() + " seconds";
  }

  /* ---------------------------------------------------------------- implementations */

  private String implementation(String service, boolean async) {
    String name = service + "Impl";
    JsonNode part = part(name);
    JsonNode impls = services.path("implementations");
    String pkg = Packages.of(name);
    Out out = new Out(pkg);
    out.use(Packages.qualified(service), "RequestOptions", "HttpResponseFor", "StreamResponse");
    if (async) {
      out.use("AsyncStreamResponse", "java.util.concurrent.CompletableFuture");
    }
    uses(out, part);
    out.doc("{@link " + service + "} over the shared transport. Not API.");
    out.open("final class " + name + " implements " + service); // package-private: beside SessionHandles
    List<String> parameters = new ArrayList<>();
    impls.path("fields").properties().forEach(f -> {
      out.use(f.getValue().asText());
      out.line("private final " + f.getValue().asText() + " " + f.getKey() + ";");
      parameters.add(f.getValue().asText() + " " + f.getKey());
    });
    out.line("private final " + service + ".WithRawResponse withRawResponse = new Raw();");
    out.member();
    out.doc(impls.path("doc").asText());
    out.open(name + "(" + String.join(", ", parameters) + ")");
    impls.path("fields").fieldNames().forEachRemaining(f -> out.line("this." + f + " = " + f + ";"));
    out.close();
    snippet(out, part);
    out.member();
    out.line("@Override");
    out.open("public " + service + ".WithRawResponse withRawResponse()");
    out.line("return withRawResponse;");
    out.close();
    for (Operation op : operations) {
      implement(out, op, new Flavor(false, async));
    }
    out.member();
    out.doc("The raw-response view.");
    out.open("final class Raw implements " + service + ".WithRawResponse");
    for (Operation op : operations) {
      implement(out, op, new Flavor(true, async));
    }
    out.close();
    out.close();
    return file(pkg, out);
  }

  /** An operation's methods with options: one statement each, handing the call to the transport. */
  private void implement(Out out, Operation op, Flavor flavor) {
    out.use(model(op.params()), model(op.responseClass()), "Operation");
    method(out, op, flavor.returns(op.responseClass()), op.method(), flavor, false);
    if (streams(op)) {
      out.use(model("StreamEvent"));
      method(out, op, flavor.streams(), op.method() + "Streaming", flavor, true);
    }
  }

  private static void method(Out out, Operation op, String returns, String method, Flavor flavor, boolean stream) {
    String constant = "Operation." + op.constant();
    String send = "transport." + flavor.transport(stream) + "(" + constant + ".request(%s), options, " + constant
        + ".type)";
    String statement = op.through() == null ? String.format(send, "params")
        : op.through() + "." + op.method() + (flavor.async() ? "Async" : "") + "(params, sent -> "
            + String.format(send, "sent") + ")";
    out.member();
    out.line("@Override");
    out.open("public " + returns + " " + method + "(" + op.params() + " params, RequestOptions options)");
    out.line("return " + statement + ";");
    out.close();
  }

  /* ---------------------------------------------------------------- Operation */

  private String operation() {
    String pkg = Packages.of("Operation");
    Out out = new Out(pkg);
    out.use("Endpoint", "ResponseType", "ApiRequest", "Checks", "java.time.Duration", "java.util.function.BiFunction");
    out.doc("The operations of the API, one constant each: how it is sent, retried and timed (its {@link Endpoint}),"
        + " what its answer is read into (its {@link ResponseType}) and how its params become a request. The services"
        + " and the session handles send every call through these. Not API.\n\n"
        + "@param <P> the params class\n@param <R> the response class");
    out.open("public final class Operation<P, R>");
    for (Operation op : operations) {
      String params = op.params();
      String response = op.responseClass();
      out.use(model(params), model(response));
      out.member();
      out.doc("{@code sessions()." + op.method() + "(...)}: {@code " + op.httpMethod() + " " + op.path() + "}.");
      out.line("public static final Operation<" + params + ", " + response + "> " + op.constant()
          + " = new Operation<>(");
      out.line("    new Endpoint(\"" + op.httpMethod() + "\", " + quoted(op.action()) + ", " + quoted(op.fixedSegment())
          + ", " + op.sideEffects() + ", " + javaDuration(op.timeout()) + "),");
      wrapped(out, "    ResponseType.of(" + response + ".class, " + response + "::validate, " + response + "::success)"
          + (op.unusableWhen() == null ? "," : ""));
      if (op.unusableWhen() != null) {
        String[] target = op.unusableWhen().split("\\.");
        out.use(target[0]);
        out.line("        .unusableWhen(" + target[0] + "::" + target[1] + "),");
      }
      wrapped(out, "    (endpoint, params) -> ApiRequest.of(endpoint, " + (op.hasId() ? "params.id()" : "null") + ", "
          + body(op) + ", params.additionalHeaders(), params.additionalQueryParams(), " + operationTimeout(out, op)
          + "));");
    }
    out.member();
    out.doc("How it is sent, retried and timed.");
    out.line("public final Endpoint endpoint;");
    out.doc("What its answer is read into, and the checks every answer gets.");
    out.line("public final ResponseType<R> type;");
    out.line("private final BiFunction<Endpoint, P, ApiRequest> request;");
    out.member();
    out.open("private Operation(Endpoint endpoint, ResponseType<R> type, BiFunction<Endpoint, P, ApiRequest> request)");
    out.line("this.endpoint = endpoint;");
    out.line("this.type = type;");
    out.line("this.request = request;");
    out.close();
    out.member();
    out.doc("The transport's description of a call with {@code params}.");
    out.open("public ApiRequest request(P params)");
    out.line("return request.apply(endpoint, Checks.notNull(params, \"params\"));");
    out.close();
    out.close();
    return file(pkg, out);
  }

  /** The body: the params; an operation without one sends its additional properties, if any, unless it is a GET. */
  private static String body(Operation op) {
    if (op.request() != null) {
      return "params";
    }
    return "GET".equals(op.httpMethod()) ? "null" : "params.additionalProperties().isEmpty() ? null : params";
  }

  /** The operation's own timeout from its params (overrides.yaml operationTimeout), or {@code null}. */
  private String operationTimeout(Out out, Operation op) {
    Cls holder = classes.get(op.params());
    String expression = "params";
    boolean optional = false;
    for (String step : timeoutPath) {
      Prop p = holder == null ? null : holder.prop(step);
      if (p == null) {
        return "null";
      }
      if (!optional) {
        expression += "." + p.java + "()";
      } else {
        out.use(model(holder.name));
        expression += (p.required ? ".map(" : ".flatMap(") + holder.name + "::" + p.java + ")";
      }
      optional |= !p.required;
      holder = p.type.kind() == Kind.MODEL ? classes.get(p.type.name()) : null;
      if (step.equals(timeoutPath.get(timeoutPath.size() - 1)) && p.type.kind() != Kind.INT) {
        throw new IllegalStateException(op.params() + "." + String.join(".", timeoutPath)
            + " (overrides.yaml operationTimeout) is no integer");
      }
    }
    return optional ? expression + ".orElse(null)" : expression;
  }

  private static String javaDuration(Duration d) {
    return d.toSeconds() % 60 == 0 ? "Duration.ofMinutes(" + d.toMinutes() + ")" : "Duration.ofSeconds(" + d.toSeconds() + ")";
  }

  private static String quoted(String s) {
    return s == null ? "null" : "\"" + s + "\"";
  }

  /** A line of arguments, broken after a comma (and indented four more) where it is too long. */
  private static void wrapped(Out out, String line) {
    String indent = line.substring(0, line.length() - line.stripLeading().length());
    String rest = line;
    int width = WIDTH - out.depth() * 2;
    while (rest.length() > width) {
      int cut = rest.lastIndexOf(", ", width - 1);
      if (cut <= indent.length()) {
        break;
      }
      out.line(rest.substring(0, cut + 1));
      rest = indent + "    " + rest.substring(cut + 2);
    }
    out.line(rest);
  }

  /* ---------------------------------------------------------------- helpers */

  private JsonNode part(String name) {
    JsonNode part = services.path(name);
    if (part.isMissingNode()) {
      throw new IllegalStateException("services.yaml has no " + name);
    }
    return part;
  }

  private String model(String name) {
    if (!classes.containsKey(name)) {
      throw new IllegalStateException("no model class " + name);
    }
    return Packages.MODELS + "." + name;
  }

  /** The imports a services.yaml part names: models, SDK classes by simple name, others qualified. */
  private void uses(Out out, JsonNode part) {
    part.path("uses").forEach(u -> out.use(classes.containsKey(u.asText()) ? model(u.asText()) : u.asText()));
  }

  /** Model classes a Javadoc text links to are imported. */
  private void links(Out out, String doc) {
    Matcher link = LINK.matcher(doc);
    while (link.find()) {
      if (classes.containsKey(link.group(1))) {
        out.use(model(link.group(1)));
      }
    }
  }

  private static void snippet(Out out, JsonNode part) {
    String code = part.path("code").asText();
    if (code.isBlank()) {
      return;
    }
    out.member();
    for (String line : code.stripTrailing().split("\n", -1)) {
      out.raw(line);
    }
  }

  private static String file(String pkg, Out out) {
    return JavaWriter.header(SOURCES, "codegen/services.yaml") + "package " + pkg + ";\n\n" + out.imports() + out.text();
  }
}
