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

/** Options of an {@code extract}. */
@JsonModel
@JsonDeserialize(builder = ExtractOptions.Builder.class)
public final class ExtractOptions {
  @JsonProperty("model")
  private final Object model;
  @JsonProperty("timeout")
  private final Integer timeout;
  @JsonProperty("selector")
  private final String selector;
  @JsonProperty("ignoreSelectors")
  private final List<String> ignoreSelectors;
  @JsonProperty("screenshot")
  private final Boolean screenshot;
  private final Map<String, JsonNode> additionalProperties;

  private ExtractOptions(Builder builder) {
    model = builder.model;
    timeout = builder.timeout;
    selector = builder.selector;
    ignoreSelectors = Checks.copy(builder.ignoreSelectors, "ignoreSelectors");
    screenshot = builder.screenshot;
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

  /** Timeout in milliseconds for the extraction. */
  public Optional<Integer> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** CSS selector that scopes the extraction to one element. */
  public Optional<String> selector() {
    return Optional.ofNullable(selector);
  }

  /** Selectors of elements and subtrees to leave out. */
  public List<String> ignoreSelectors() {
    return Checks.orEmpty(ignoreSelectors);
  }

  /** Whether to include a screenshot of the viewport in the model call. */
  public Optional<Boolean> screenshot() {
    return Optional.ofNullable(screenshot);
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
    if (!(o instanceof ExtractOptions)) {
      return false;
    }
    ExtractOptions that = (ExtractOptions) o;
    return Objects.equals(model, that.model)
        && Objects.equals(timeout, that.timeout)
        && Objects.equals(selector, that.selector)
        && Objects.equals(ignoreSelectors, that.ignoreSelectors)
        && Objects.equals(screenshot, that.screenshot)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(model, timeout, selector, ignoreSelectors, screenshot, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("ExtractOptions")
        .add("model", model)
        .add("timeout", timeout)
        .add("selector", selector)
        .add("ignoreSelectors", ignoreSelectors)
        .add("screenshot", screenshot)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public ExtractOptions validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.knownFormAt(model, path, "model");
    if (model instanceof ModelConfig) {
      ((ModelConfig) model).validateAt(path + "model.");
    }
  }

  /** Builds {@link ExtractOptions}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private Object model;
    private Integer timeout;
    private String selector;
    private List<String> ignoreSelectors;
    private Boolean screenshot;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(ExtractOptions source) {
      model = source.model;
      timeout = source.timeout;
      selector = source.selector;
      ignoreSelectors = source.ignoreSelectors == null ? null : new ArrayList<>(source.ignoreSelectors);
      screenshot = source.screenshot;
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

    /** Timeout in milliseconds for the extraction. */
    @JsonProperty("timeout")
    public Builder timeout(int timeout) {
      this.timeout = Checks.nonNegative(timeout, "timeout");
      return this;
    }

    /** CSS selector that scopes the extraction to one element. */
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

    /** Whether to include a screenshot of the viewport in the model call. */
    @JsonProperty("screenshot")
    public Builder screenshot(boolean screenshot) {
      this.screenshot = screenshot;
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

    /** Builds the ExtractOptions. */
    public ExtractOptions build() {
      return new ExtractOptions(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private ExtractOptions buildFromJson() {
      return new ExtractOptions(this);
    }
  }
}
