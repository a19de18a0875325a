package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.core.OpenEnum;
import com.browserbase.stagehand.internal.Checks;
import com.browserbase.stagehand.internal.Json;
import com.browserbase.stagehand.internal.JsonModel;
import com.browserbase.stagehand.internal.ToString;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How an agent runs: its model, system prompt and tool mode. */
@JsonModel
@JsonDeserialize(builder = AgentConfig.Builder.class)
public final class AgentConfig {
  @JsonProperty("provider")
  private final ModelProvider provider;
  @JsonProperty("model")
  private final Object model;
  @JsonProperty("systemPrompt")
  private final String systemPrompt;
  @JsonProperty("cua")
  private final Boolean cua;
  @JsonProperty("mode")
  private final Mode mode;
  @JsonProperty("executionModel")
  private final Object executionModel;
  private final Map<String, JsonNode> additionalProperties;

  private AgentConfig(Builder builder) {
    provider = builder.provider;
    model = builder.model;
    systemPrompt = builder.systemPrompt;
    cua = builder.cua;
    mode = builder.mode;
    executionModel = builder.executionModel;
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

  /** AI provider (legacy: prefer a model name with a provider prefix). */
  public Optional<ModelProvider> provider() {
    return Optional.ofNullable(provider);
  }

  /** Model of the agent. This form: a model name such as {@code openai/gpt-5-nano}. */
  public Optional<String> modelName() {
    return model instanceof String ? Optional.of((String) model) : Optional.<String>empty();
  }

  /** Model of the agent. This form: a full model configuration. */
  public Optional<ModelConfig> modelConfig() {
    return model instanceof ModelConfig ? Optional.of((ModelConfig) model) : Optional.<ModelConfig>empty();
  }

  /** Custom system prompt of the agent. */
  public Optional<String> systemPrompt() {
    return Optional.ofNullable(systemPrompt);
  }

  /** Deprecated: use {@code mode(Mode.CUA)}; mode wins when both are set. */
  public Optional<Boolean> cua() {
    return Optional.ofNullable(cua);
  }

  /** Tool mode of the agent; overrides {@code cua}. */
  public Optional<Mode> mode() {
    return Optional.ofNullable(mode);
  }

  /**
   * Model of the agent's tool calls (observe and act); the main model when not set. This form: a
   * model name such as {@code openai/gpt-5-nano}.
   */
  public Optional<String> executionModelName() {
    return executionModel instanceof String ? Optional.of((String) executionModel) : Optional.<String>empty();
  }

  /**
   * Model of the agent's tool calls (observe and act); the main model when not set. This form: a
   * full model configuration.
   */
  public Optional<ModelConfig> executionModelConfig() {
    return executionModel instanceof ModelConfig ? Optional.of((ModelConfig) executionModel) : Optional.<ModelConfig>empty();
  }

  /** Properties this SDK version does not model, as they came or were set; never null. */
  @JsonAnyGetter
  public Map<String, JsonNode> additionalProperties() {
    return additionalProperties;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof AgentConfig)) {
      return false;
    }
    AgentConfig that = (AgentConfig) o;
    return Objects.equals(provider, that.provider)
        && Objects.equals(model, that.model)
        && Objects.equals(systemPrompt, that.systemPrompt)
        && Objects.equals(cua, that.cua)
        && Objects.equals(mode, that.mode)
        && Objects.equals(executionModel, that.executionModel)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, model, systemPrompt, cua, mode, executionModel, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("AgentConfig")
        .add("provider", provider)
        .add("model", model)
        .add("systemPrompt", systemPrompt)
        .add("cua", cua)
        .add("mode", mode)
        .add("executionModel", executionModel)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public AgentConfig validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.knownFormAt(model, path, "model");
    if (model instanceof ModelConfig) {
      ((ModelConfig) model).validateAt(path + "model.");
    }
    Checks.knownFormAt(executionModel, path, "executionModel");
    if (executionModel instanceof ModelConfig) {
      ((ModelConfig) executionModel).validateAt(path + "executionModel.");
    }
  }

  /** Builds {@link AgentConfig}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private ModelProvider provider;
    private Object model;
    private String systemPrompt;
    private Boolean cua;
    private Mode mode;
    private Object executionModel;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(AgentConfig source) {
      provider = source.provider;
      model = source.model;
      systemPrompt = source.systemPrompt;
      cua = source.cua;
      mode = source.mode;
      executionModel = source.executionModel;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** AI provider (legacy: prefer a model name with a provider prefix). */
    @JsonProperty("provider")
    public Builder provider(ModelProvider provider) {
      this.provider = Checks.notNull(provider, "provider");
      return this;
    }

    /** Model of the agent. This form: a model name such as {@code openai/gpt-5-nano}. */
    public Builder model(String model) {
      this.model = Checks.notNull(model, "model");
      return this;
    }

    /** Model of the agent. This form: a full model configuration. */
    public Builder model(ModelConfig model) {
      this.model = Checks.notNull(model, "model");
      return this;
    }

    @JsonProperty("model")
    private Builder modelFromJson(JsonNode node) {
      if (node.isTextual()) {
        this.model = node.textValue();
        return this;
      }
      if (node.isObject()) {
        this.model = Json.convert(node, ModelConfig.class);
        return this;
      }
      this.model = node; // a form this SDK version does not know: kept as it came
      return this;
    }

    /** Custom system prompt of the agent. */
    @JsonProperty("systemPrompt")
    public Builder systemPrompt(String systemPrompt) {
      this.systemPrompt = Checks.notNull(systemPrompt, "systemPrompt");
      return this;
    }

    /** Deprecated: use {@code mode(Mode.CUA)}; mode wins when both are set. */
    @JsonProperty("cua")
    public Builder cua(boolean cua) {
      this.cua = cua;
      return this;
    }

    /** Tool mode of the agent; overrides {@code cua}. */
    @JsonProperty("mode")
    public Builder mode(Mode mode) {
      this.mode = Checks.notNull(mode, "mode");
      return this;
    }

    /**
     * Model of the agent's tool calls (observe and act); the main model when not set. This form: a
     * model name such as {@code openai/gpt-5-nano}.
     */
    public Builder executionModel(String executionModel) {
      this.executionModel = Checks.notNull(executionModel, "executionModel");
      return this;
    }

    /**
     * Model of the agent's tool calls (observe and act); the main model when not set. This form: a
     * full model configuration.
     */
    public Builder executionModel(ModelConfig executionModel) {
      this.executionModel = Checks.notNull(executionModel, "executionModel");
      return this;
    }

    @JsonProperty("executionModel")
    private Builder executionModelFromJson(JsonNode node) {
      if (node.isTextual()) {
        this.executionModel = node.textValue();
        return this;
      }
      if (node.isObject()) {
        this.executionModel = Json.convert(node, ModelConfig.class);
        return this;
      }
      this.executionModel = node; // a form this SDK version does not know: kept as it came
      return this;
    }

    /** Sets a property this SDK version does not model; any value Jackson can write. */
    public Builder putAdditionalProperty(String name, Object value) {
      if (additionalProperties == null) {
        additionalProperties = new LinkedHashMap<>();
      }
      additionalProperties.put(Checks.notNull(name, "name"), Json.toTree(value));
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

    /** Builds the AgentConfig. */
    public AgentConfig build() {
      return new AgentConfig(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private AgentConfig buildFromJson() {
      return new AgentConfig(this);
    }
  }

  /**
   * A tool mode of an agent. An open enumeration: {@link #of(String)} accepts values this SDK
   * version does not know.
   */
  public static final class Mode extends OpenEnum {
    /** {@code dom} */
    public static final Mode DOM = new Mode("dom", true);
    /** {@code hybrid} */
    public static final Mode HYBRID = new Mode("hybrid", true);
    /** {@code cua} */
    public static final Mode CUA = new Mode("cua", true);

    private static final Map<String, Mode> KNOWN =
        index(DOM, HYBRID, CUA);

    private Mode(String value, boolean known) {
      super(value, known);
    }

    /** The constant for {@code value}, or a new value this SDK version does not know. */
    @JsonCreator
    public static Mode of(String value) {
      Mode constant = KNOWN.get(Checks.notNull(value, "value"));
      return constant != null ? constant : new Mode(value, false);
    }
  }
}
