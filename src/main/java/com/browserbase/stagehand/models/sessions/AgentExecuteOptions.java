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

/** What an agent should do, and within which limits. */
@JsonModel
@JsonDeserialize(builder = AgentExecuteOptions.Builder.class)
public final class AgentExecuteOptions {
  @JsonProperty("instruction")
  private final String instruction;
  @JsonProperty("maxSteps")
  private final Integer maxSteps;
  @JsonProperty("highlightCursor")
  private final Boolean highlightCursor;
  @JsonProperty("useSearch")
  private final Boolean useSearch;
  @JsonProperty("toolTimeout")
  private final Integer toolTimeout;
  @JsonProperty("variables")
  private final Map<String, VariableValue> variables;
  private final Map<String, JsonNode> additionalProperties;

  private AgentExecuteOptions(Builder builder) {
    instruction = builder.instruction;
    maxSteps = builder.maxSteps;
    highlightCursor = builder.highlightCursor;
    useSearch = builder.useSearch;
    toolTimeout = builder.toolTimeout;
    variables = Checks.copy(builder.variables, "variables");
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

  /** The task, in words. */
  public String instruction() {
    return Checks.present(instruction, "AgentExecuteOptions", "instruction");
  }

  /** Largest number of steps the agent may take. */
  public Optional<Integer> maxSteps() {
    return Optional.ofNullable(maxSteps);
  }

  /** Whether to highlight the cursor while running. */
  public Optional<Boolean> highlightCursor() {
    return Optional.ofNullable(highlightCursor);
  }

  /** Whether to give the agent the Browserbase Search web search tool. */
  public Optional<Boolean> useSearch() {
    return Optional.ofNullable(useSearch);
  }

  /** Timeout in milliseconds of each tool call. */
  public Optional<Integer> toolTimeout() {
    return Optional.ofNullable(toolTimeout);
  }

  /**
   * Variables the agent's tools can use as {@code %name%}; values never show in {@code toString()}.
   */
  public Map<String, VariableValue> variables() {
    return Checks.orEmpty(variables);
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
    if (!(o instanceof AgentExecuteOptions)) {
      return false;
    }
    AgentExecuteOptions that = (AgentExecuteOptions) o;
    return Objects.equals(instruction, that.instruction)
        && Objects.equals(maxSteps, that.maxSteps)
        && Objects.equals(highlightCursor, that.highlightCursor)
        && Objects.equals(useSearch, that.useSearch)
        && Objects.equals(toolTimeout, that.toolTimeout)
        && Objects.equals(variables, that.variables)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(instruction, maxSteps, highlightCursor, useSearch, toolTimeout, variables, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("AgentExecuteOptions")
        .add("instruction", instruction)
        .add("maxSteps", maxSteps)
        .add("highlightCursor", highlightCursor)
        .add("useSearch", useSearch)
        .add("toolTimeout", toolTimeout)
        .secretValues("variables", variables)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public AgentExecuteOptions validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(instruction, path, "instruction", "AgentExecuteOptions");
  }

  /** Builds {@link AgentExecuteOptions}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String instruction;
    private Integer maxSteps;
    private Boolean highlightCursor;
    private Boolean useSearch;
    private Integer toolTimeout;
    private Map<String, VariableValue> variables;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(AgentExecuteOptions source) {
      instruction = source.instruction;
      maxSteps = source.maxSteps;
      highlightCursor = source.highlightCursor;
      useSearch = source.useSearch;
      toolTimeout = source.toolTimeout;
      variables = source.variables == null ? null : new LinkedHashMap<>(source.variables);
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** The task, in words. */
    @JsonProperty("instruction")
    public Builder instruction(String instruction) {
      this.instruction = Checks.notNull(instruction, "instruction");
      return this;
    }

    /** Largest number of steps the agent may take. */
    @JsonProperty("maxSteps")
    public Builder maxSteps(int maxSteps) {
      this.maxSteps = Checks.nonNegative(maxSteps, "maxSteps");
      return this;
    }

    /** Whether to highlight the cursor while running. */
    @JsonProperty("highlightCursor")
    public Builder highlightCursor(boolean highlightCursor) {
      this.highlightCursor = highlightCursor;
      return this;
    }

    /** Whether to give the agent the Browserbase Search web search tool. */
    @JsonProperty("useSearch")
    public Builder useSearch(boolean useSearch) {
      this.useSearch = useSearch;
      return this;
    }

    /** Timeout in milliseconds of each tool call. */
    @JsonProperty("toolTimeout")
    public Builder toolTimeout(int toolTimeout) {
      this.toolTimeout = Checks.nonNegative(toolTimeout, "toolTimeout");
      return this;
    }

    /**
     * Variables the agent's tools can use as {@code %name%}; values never show in {@code toString()}.
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

    /**
     * Builds the AgentExecuteOptions, or throws {@link IllegalStateException} naming a required
     * property that is not set.
     */
    public AgentExecuteOptions build() {
      Checks.required(instruction, "AgentExecuteOptions", "instruction");
      return new AgentExecuteOptions(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private AgentExecuteOptions buildFromJson() {
      return new AgentExecuteOptions(this);
    }
  }
}
