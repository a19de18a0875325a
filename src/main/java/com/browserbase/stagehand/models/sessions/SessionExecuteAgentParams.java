package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.internal.Checks;
import com.browserbase.stagehand.internal.Json;
import com.browserbase.stagehand.internal.JsonModel;
import com.browserbase.stagehand.internal.Params;
import com.browserbase.stagehand.internal.ToString;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonAppend;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The request of {@code sessions().executeAgent(...)}: runs a multi-step agent. */
@JsonModel
@JsonAppend(attrs = @JsonAppend.Attr(value = "streamResponse"))
@JsonDeserialize(builder = SessionExecuteAgentParams.Builder.class)
public final class SessionExecuteAgentParams {
  @JsonProperty("agentConfig")
  private final AgentConfig agentConfig;
  @JsonProperty("executeOptions")
  private final AgentExecuteOptions executeOptions;
  @JsonProperty("frameId")
  private final String frameId;
  @JsonProperty("shouldCache")
  private final Boolean shouldCache;
  private final String id;
  private final Map<String, List<String>> additionalHeaders;
  private final Map<String, List<String>> additionalQueryParams;
  private final Map<String, JsonNode> additionalProperties;

  private SessionExecuteAgentParams(Builder builder) {
    id = builder.id;
    agentConfig = builder.agentConfig;
    executeOptions = builder.executeOptions;
    frameId = builder.frameId;
    shouldCache = builder.shouldCache;
    additionalHeaders = Params.copyMulti(builder.additionalHeaders);
    additionalQueryParams = Params.copyMulti(builder.additionalQueryParams);
    additionalProperties = Checks.additional(builder.additionalProperties);
  }

  /** Returns a new, empty builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder holding this object's values, to make a changed copy. */
  public Builder toBuilder() {
    return new Builder(this);
  }

  /** The session id; sent as a path segment, never in the body. */
  public String id() {
    return id;
  }

  /** How the agent runs. */
  public AgentConfig agentConfig() {
    return Checks.present(agentConfig, "SessionExecuteAgentParams", "agentConfig");
  }

  /** What the agent should do. */
  public AgentExecuteOptions executeOptions() {
    return Checks.present(executeOptions, "SessionExecuteAgentParams", "executeOptions");
  }

  /** Target frame id for the agent; the main frame when not set. */
  public Optional<String> frameId() {
    return Optional.ofNullable(frameId);
  }

  /** Whether the server captures a cache entry and returns it. */
  public Optional<Boolean> shouldCache() {
    return Optional.ofNullable(shouldCache);
  }

  /** Extra HTTP headers sent with this request only. */
  public Map<String, List<String>> additionalHeaders() {
    return additionalHeaders;
  }

  /** Extra query parameters sent with this request only. */
  public Map<String, List<String>> additionalQueryParams() {
    return additionalQueryParams;
  }

  /** Extra body properties, for API features this SDK version does not model; never null. */
  @JsonAnyGetter
  public Map<String, JsonNode> additionalProperties() {
    return additionalProperties;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof SessionExecuteAgentParams)) {
      return false;
    }
    SessionExecuteAgentParams that = (SessionExecuteAgentParams) o;
    return Objects.equals(agentConfig, that.agentConfig)
        && Objects.equals(executeOptions, that.executeOptions)
        && Objects.equals(frameId, that.frameId)
        && Objects.equals(shouldCache, that.shouldCache)
        && Objects.equals(id, that.id)
        && additionalHeaders.equals(that.additionalHeaders)
        && additionalQueryParams.equals(that.additionalQueryParams)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(agentConfig, executeOptions, frameId, shouldCache, id, additionalHeaders, additionalQueryParams, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("SessionExecuteAgentParams")
        .add("id", id)
        .add("agentConfig", agentConfig)
        .add("executeOptions", executeOptions)
        .add("frameId", frameId)
        .add("shouldCache", shouldCache)
        .add("additionalHeaders", additionalHeaders.isEmpty() ? null : additionalHeaders.keySet())
        .add("additionalQueryParams", additionalQueryParams.isEmpty() ? null : additionalQueryParams)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public SessionExecuteAgentParams validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(agentConfig, path, "agentConfig", "SessionExecuteAgentParams");
    if (agentConfig != null) {
      agentConfig.validateAt(path + "agentConfig.");
    }
    Checks.presentAt(executeOptions, path, "executeOptions", "SessionExecuteAgentParams");
    if (executeOptions != null) {
      executeOptions.validateAt(path + "executeOptions.");
    }
  }

  /** Builds {@link SessionExecuteAgentParams}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String id;
    private AgentConfig agentConfig;
    private AgentExecuteOptions executeOptions;
    private String frameId;
    private Boolean shouldCache;
    private Map<String, List<String>> additionalHeaders;
    private Map<String, List<String>> additionalQueryParams;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(SessionExecuteAgentParams source) {
      id = source.id;
      agentConfig = source.agentConfig;
      executeOptions = source.executeOptions;
      frameId = source.frameId;
      shouldCache = source.shouldCache;
      additionalHeaders = Params.mutableMulti(source.additionalHeaders);
      additionalQueryParams = Params.mutableMulti(source.additionalQueryParams);
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /**
     * The session id (required). Sent as one encoded path segment: {@code a/b} or {@code ../x} cannot
     * change the path; {@code .} and {@code ..} are rejected by {@code build()}.
     */
    public Builder id(String id) {
      this.id = Checks.notNull(id, "id");
      return this;
    }

    /** How the agent runs. */
    @JsonProperty("agentConfig")
    public Builder agentConfig(AgentConfig agentConfig) {
      this.agentConfig = Checks.notNull(agentConfig, "agentConfig");
      return this;
    }

    /** What the agent should do. */
    @JsonProperty("executeOptions")
    public Builder executeOptions(AgentExecuteOptions executeOptions) {
      this.executeOptions = Checks.notNull(executeOptions, "executeOptions");
      return this;
    }

    /** Target frame id for the agent; the main frame when not set. */
    @JsonProperty("frameId")
    public Builder frameId(String frameId) {
      this.frameId = Checks.notNull(frameId, "frameId");
      return this;
    }

    /** Whether the server captures a cache entry and returns it. */
    @JsonProperty("shouldCache")
    public Builder shouldCache(boolean shouldCache) {
      this.shouldCache = shouldCache;
      return this;
    }

    /** Adds an HTTP header sent with this request only (after the client's headers). */
    public Builder putAdditionalHeader(String name, String value) {
      additionalHeaders = Params.put(additionalHeaders, Checks.notNull(name, "name"), Checks.notNull(value, "value"));
      return this;
    }

    /** Adds a query parameter sent with this request only. */
    public Builder putAdditionalQueryParam(String name, String value) {
      additionalQueryParams = Params.put(additionalQueryParams, Checks.notNull(name, "name"), Checks.notNull(value, "value"));
      return this;
    }

    /**
     * Adds a body property this SDK version does not model; any value Jackson can write. For a
     * name this class also models, this value is sent instead of the modelled one: the body holds
     * each key once. {@code streamResponse} is rejected with {@link IllegalArgumentException}:
     * call {@code executeAgentStreaming} to stream.
     */
    public Builder putAdditionalBodyProperty(String name, Object value) {
      return putAdditionalProperty(name, value);
    }

    /** Same as {@link #putAdditionalBodyProperty}, under the name every model's builder has. */
    public Builder putAdditionalProperty(String name, Object value) {
      if (additionalProperties == null) {
        additionalProperties = new LinkedHashMap<>();
      }
      additionalProperties.put(Params.bodyPropertyName(name, "executeAgent"), Json.toTree(value));
      return this;
    }

    @JsonAnySetter
    private Builder putAdditionalJson(String name, JsonNode value) {
      if (additionalProperties == null) {
        additionalProperties = new LinkedHashMap<>();
      }
      additionalProperties.put(name, value != null ? value : NullNode.getInstance());
      return this;
    }

    /** Removes a property set with {@link #putAdditionalProperty}. */
    public Builder removeAdditionalProperty(String name) {
      if (additionalProperties != null) {
        additionalProperties.remove(name);
      }
      return this;
    }

    /**
     * Builds the SessionExecuteAgentParams, or throws {@link IllegalStateException} naming a required
     * property that is not set.
     */
    public SessionExecuteAgentParams build() {
      Params.requireId(id);
      Checks.required(agentConfig, "SessionExecuteAgentParams", "agentConfig");
      Checks.required(executeOptions, "SessionExecuteAgentParams", "executeOptions");
      return new SessionExecuteAgentParams(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private SessionExecuteAgentParams buildFromJson() {
      return new SessionExecuteAgentParams(this);
    }
  }
}
