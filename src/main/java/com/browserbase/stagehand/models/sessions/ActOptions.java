package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.internal.Checks;
import com.browserbase.stagehand.internal.Json;
import com.browserbase.stagehand.internal.JsonModel;
import com.browserbase.stagehand.internal.ToString;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Options of an {@code act}. */
@JsonModel
@JsonDeserialize(builder = ActOptions.Builder.class)
public final class ActOptions {
  @JsonProperty("model")
  private final Object model;
  @JsonProperty("variables")
  private final Map<String, VariableValue> variables;
  @JsonProperty("timeout")
  private final Integer timeout;
  private final Map<String, JsonNode> additionalProperties;

  private ActOptions(Builder builder) {
    model = builder.model;
    variables = Checks.copy(builder.variables, "variables");
    timeout = builder.timeout;
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

  /**
   * Model of this call, instead of the session's. This form: a model name such as {@code
   * openai/gpt-5-nano}.
   */
  public Optional<String> modelName() {
    return model instanceof String ? Optional.of((String) model) : Optional.<String>empty();
  }

  /** Model of this call, instead of the session's. This form: a full model configuration. */
  public Optional<ModelConfig> modelConfig() {
    return model instanceof ModelConfig ? Optional.of((ModelConfig) model) : Optional.<ModelConfig>empty();
  }

  /**
   * Variables substituted into the instruction ({@code %name%}); values never show in {@code
   * toString()}.
   */
  public Map<String, VariableValue> variables() {
    return Checks.orEmpty(variables);
  }

  /** Timeout in milliseconds for the action. */
  public Optional<Integer> timeout() {
    return Optional.ofNullable(timeout);
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
    if (!(o instanceof ActOptions)) {
      return false;
    }
    ActOptions that = (ActOptions) o;
    return Objects.equals(model, that.model)
        && Objects.equals(variables, that.variables)
        && Objects.equals(timeout, that.timeout)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(model, variables, timeout, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("ActOptions")
        .add("model", model)
        .secretValues("variables", variables)
        .add("timeout", timeout)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public ActOptions validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.knownFormAt(model, path, "model");
    if (model instanceof ModelConfig) {
      ((ModelConfig) model).validateAt(path + "model.");
    }
  }

  /** Builds {@link ActOptions}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private Object model;
    private Map<String, VariableValue> variables;
    private Integer timeout;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(ActOptions source) {
      model = source.model;
      variables = source.variables == null ? null : new LinkedHashMap<>(source.variables);
      timeout = source.timeout;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /**
     * Model of this call, instead of the session's. This form: a model name such as {@code
     * openai/gpt-5-nano}.
     */
    public Builder model(String model) {
      this.model = Checks.notNull(model, "model");
      return this;
    }

    /** Model of this call, instead of the session's. This form: a full model configuration. */
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

    /**
     * Variables substituted into the instruction ({@code %name%}); values never show in {@code
     * toString()}.
     */
    @JsonProperty("variables")
    public Builder variables(Map<String, VariableValue> variables) {
      this.variables = new LinkedHashMap<>(Checks.notNull(variables, "variables"));
      return this;
    }

    /** Puts one entry into {@link #variables(Map)}. */
    public Builder putVariable(String name, VariableValue value) {
      if (variables == null) {
        variables = new LinkedHashMap<>();
      }
      variables.put(Checks.notNull(name, "name"), Checks.notNull(value, "value"));
      return this;
    }

    /** Timeout in milliseconds for the action. */
    @JsonProperty("timeout")
    public Builder timeout(int timeout) {
      this.timeout = Checks.nonNegative(timeout, "timeout");
      return this;
    }

    /** Puts a variable with a text value; shorthand for {@code putVariable(name, VariableValue.of(value))}. */
    public Builder putVariable(String name, String value) {
      return putVariable(name, VariableValue.of(value));
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

    /** Builds the ActOptions. */
    public ActOptions build() {
      return new ActOptions(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private ActOptions buildFromJson() {
      return new ActOptions(this);
    }
  }
}
