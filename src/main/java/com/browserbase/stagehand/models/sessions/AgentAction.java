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

/** One step an agent took. */
@JsonModel
@JsonDeserialize(builder = AgentAction.Builder.class)
public final class AgentAction {
  @JsonProperty("type")
  private final String type;
  @JsonProperty("reasoning")
  private final String reasoning;
  @JsonProperty("taskCompleted")
  private final Boolean taskCompleted;
  @JsonProperty("action")
  private final String action;
  @JsonProperty("timeMs")
  private final Double timeMs;
  @JsonProperty("pageText")
  private final String pageText;
  @JsonProperty("pageUrl")
  private final String pageUrl;
  @JsonProperty("instruction")
  private final String instruction;
  private final Map<String, JsonNode> additionalProperties;

  private AgentAction(Builder builder) {
    type = builder.type;
    reasoning = builder.reasoning;
    taskCompleted = builder.taskCompleted;
    action = builder.action;
    timeMs = builder.timeMs;
    pageText = builder.pageText;
    pageUrl = builder.pageUrl;
    instruction = builder.instruction;
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

  /** Kind of action, such as {@code click}. */
  public String type() {
    return Checks.present(type, "AgentAction", "type");
  }

  /** Why the agent took it. */
  public Optional<String> reasoning() {
    return Optional.ofNullable(reasoning);
  }

  /** Whether the task was completed by this step. */
  public Optional<Boolean> taskCompleted() {
    return Optional.ofNullable(taskCompleted);
  }

  /** The action. */
  public Optional<String> action() {
    return Optional.ofNullable(action);
  }

  /** Time the step took, in milliseconds. */
  public Optional<Double> timeMs() {
    return Optional.ofNullable(timeMs);
  }

  /** Text of the page. */
  public Optional<String> pageText() {
    return Optional.ofNullable(pageText);
  }

  /** URL of the page. */
  public Optional<String> pageUrl() {
    return Optional.ofNullable(pageUrl);
  }

  /** Instruction of the step. */
  public Optional<String> instruction() {
    return Optional.ofNullable(instruction);
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
    if (!(o instanceof AgentAction)) {
      return false;
    }
    AgentAction that = (AgentAction) o;
    return Objects.equals(type, that.type)
        && Objects.equals(reasoning, that.reasoning)
        && Objects.equals(taskCompleted, that.taskCompleted)
        && Objects.equals(action, that.action)
        && Objects.equals(timeMs, that.timeMs)
        && Objects.equals(pageText, that.pageText)
        && Objects.equals(pageUrl, that.pageUrl)
        && Objects.equals(instruction, that.instruction)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, reasoning, taskCompleted, action, timeMs, pageText, pageUrl, instruction, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("AgentAction")
        .add("type", type)
        .add("reasoning", reasoning)
        .add("taskCompleted", taskCompleted)
        .add("action", action)
        .add("timeMs", timeMs)
        .add("pageText", pageText)
        .add("pageUrl", pageUrl)
        .add("instruction", instruction)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public AgentAction validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(type, path, "type", "AgentAction");
  }

  /** Builds {@link AgentAction}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String type;
    private String reasoning;
    private Boolean taskCompleted;
    private String action;
    private Double timeMs;
    private String pageText;
    private String pageUrl;
    private String instruction;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(AgentAction source) {
      type = source.type;
      reasoning = source.reasoning;
      taskCompleted = source.taskCompleted;
      action = source.action;
      timeMs = source.timeMs;
      pageText = source.pageText;
      pageUrl = source.pageUrl;
      instruction = source.instruction;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Kind of action, such as {@code click}. */
    @JsonProperty("type")
    public Builder type(String type) {
      this.type = Checks.notNull(type, "type");
      return this;
    }

    /** Why the agent took it. */
    @JsonProperty("reasoning")
    public Builder reasoning(String reasoning) {
      this.reasoning = Checks.notNull(reasoning, "reasoning");
      return this;
    }

    /** Whether the task was completed by this step. */
    @JsonProperty("taskCompleted")
    public Builder taskCompleted(boolean taskCompleted) {
      this.taskCompleted = taskCompleted;
      return this;
    }

    /** The action. */
    @JsonProperty("action")
    public Builder action(String action) {
      this.action = Checks.notNull(action, "action");
      return this;
    }

    /** Time the step took, in milliseconds. */
    @JsonProperty("timeMs")
    public Builder timeMs(double timeMs) {
      this.timeMs = timeMs;
      return this;
    }

    /** Text of the page. */
    @JsonProperty("pageText")
    public Builder pageText(String pageText) {
      this.pageText = Checks.notNull(pageText, "pageText");
      return this;
    }

    /** URL of the page. */
    @JsonProperty("pageUrl")
    public Builder pageUrl(String pageUrl) {
      this.pageUrl = Checks.notNull(pageUrl, "pageUrl");
      return this;
    }

    /** Instruction of the step. */
    @JsonProperty("instruction")
    public Builder instruction(String instruction) {
      this.instruction = Checks.notNull(instruction, "instruction");
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

    /**
     * Builds the AgentAction, or throws {@link IllegalStateException} naming a required property that
     * is not set.
     */
    public AgentAction build() {
      Checks.required(type, "AgentAction", "type");
      return new AgentAction(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private AgentAction buildFromJson() {
      return new AgentAction(this);
    }
  }
}
