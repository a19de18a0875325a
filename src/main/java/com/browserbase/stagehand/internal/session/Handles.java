package com.browserbase.stagehand.internal.session;

import com.browserbase.stagehand.internal.runtime.Checks;
import com.browserbase.stagehand.internal.runtime.Json;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/** What the blocking and the asynchronous session handles share besides their calls. Not API. */
public final class Handles {
  /** The agent of {@code execute(String)}: the server's defaults, with the session's model. */
  public static final AgentConfig DEFAULT_AGENT = AgentConfig.builder().build();

  private Handles() {}

  /** The Jackson type of {@code type}, a {@code Class} or a {@code TypeReference}, for a typed extract. */
  public static JavaType type(Object type) {
    Checks.notNull(type, "type");
    return type instanceof TypeReference
        ? Json.MAPPER.getTypeFactory().constructType((TypeReference<?>) type)
        : Json.MAPPER.getTypeFactory().constructType((java.lang.reflect.Type) type);
  }

  /** The options of {@code execute(String)}. */
  public static AgentExecuteOptions agentOptions(String instruction) {
    return AgentExecuteOptions.builder().instruction(Checks.notNull(instruction, "instruction")).build();
  }

  /** The result a stream's {@code finished} event carries; JSON null when it carries none. */
  public static JsonNode resultOf(StreamEvent finished) {
    return finished.data().result().orElse(NullNode.getInstance());
  }
}
