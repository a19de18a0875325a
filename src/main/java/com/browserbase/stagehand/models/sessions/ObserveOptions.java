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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Options of an {@code observe}. */
@JsonModel
@JsonDeserialize(builder = ObserveOptions.Builder.class)
public final class ObserveOptions {
  @JsonProperty("model")
  private final Object model;
  @JsonProperty("variables")
  private final Map<String, VariableValue> variables;
  @JsonProperty("timeout")
  private final Integer timeout;
  @JsonProperty("selector")
  private final String selector;
  @JsonProperty("ignoreSelectors")
  private final List<String> ignoreSelectors;
  private final Map<String, JsonNode> additionalProperties;

  private ObserveOptions(Builder builder) {
    model = builder.model;
    variables = Checks.copy(builder.variables, "variables");
    timeout = builder.timeout;
    selector = builder.selector;
    ignoreSelectors = Checks.copy(builder.ignoreSelectors, "ignoreSelectors");
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
   * Variables whose names the model sees, so suggested arguments hold {@code %name%} placeholders;
   * values never show in {@code toString()}.
   */
  public Map<String, VariableValue> variables() {
    return Checks.orEmpty(variables);
  }

  /** Timeout in milliseconds for the observation. */
  public Optional<Integer> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** CSS selector that scopes the observation to one element. */
  public Optional<String> selector() {
    return Optional.ofNullable(selector);
  }

  /** Selectors of elements and subtrees to leave out. */
  public List<String> ignoreSelectors() {
    return Checks.orEmpty(ignoreSelectors);
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
    if (!(o instanceof ObserveOptions)) {
      return false;
    }
    ObserveOptions that = (ObserveOptions) o;
    return Objects.equals(model, that.model)
        && Objects.equals(variables, that.variables)
        && Objects.equals(timeout, that.timeout)
        && Objects.equals(selector, that.selector)
        && Objects.equals(ignoreSelectors, that.ignoreSelectors)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(model, variables, timeout, selector, ignoreSelectors, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("ObserveOptions")
        .add("model", model)
        .secretValues("variables", variables)
        .add("timeout", timeout)
        .add("selector", selector)
        .add("ignoreSelectors", ignoreSelectors)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public ObserveOptions validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.knownFormAt(model, path, "model");
    if (model instanceof ModelConfig) {
      ((ModelConfig) model).validateAt(path + "model.");
    }
  }

  /** Builds {@link ObserveOptions}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private Object model;
    private Map<String, VariableValue> variables;
    private Integer timeout;
    private String selector;
    private List<String> ignoreSelectors;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(ObserveOptions source) {
      model = source.model;
      variables = source.variables == null ? null : new LinkedHashMap<>(source.variables);
      timeout = source.timeout;
      selector = source.selector;
      ignoreSelectors = source.ignoreSelectors == null ? null : new ArrayList<>(source.ignoreSelectors);
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
     * Variables whose names the model sees, so suggested arguments hold {@code %name%} placeholders;
     * values never show in {@code toString()}.
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

    /** Timeout in milliseconds for the observation. */
    @JsonProperty("timeout")
    public Builder timeout(int timeout) {
      this.timeout = Checks.nonNegative(timeout, "timeout");
      return this;
    }

    /** CSS selector that scopes the observation to one element. */
    @JsonProperty("selector")
    public Builder selector(String selector) {
      this.selector = Checks.notNull(selector, "selector");
      return this;
    }

    /** Selectors of elements and subtrees to leave out. */
    @JsonProperty("ignoreSelectors")
    public Builder ignoreSelectors(List<String> ignoreSelectors) {
      this.ignoreSelectors = new ArrayList<>(Checks.notNull(ignoreSelectors, "ignoreSelectors"));
      return this;
    }

    /** Adds one element to {@link #ignoreSelectors(List)}. */
    public Builder addIgnoreSelector(String ignoreSelector) {
      if (ignoreSelectors == null) {
        ignoreSelectors = new ArrayList<>();
      }
      ignoreSelectors.add(Checks.notNull(ignoreSelector, "ignoreSelector"));
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

    /** Builds the ObserveOptions. */
    public ObserveOptions build() {
      return new ObserveOptions(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private ObserveOptions buildFromJson() {
      return new ObserveOptions(this);
    }
  }
}
