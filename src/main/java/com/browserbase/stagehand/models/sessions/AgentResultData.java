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
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What an agent run did. */
@JsonModel
@JsonDeserialize(builder = AgentResultData.Builder.class)
public final class AgentResultData {
  @JsonProperty("success")
  private final Boolean success;
  @JsonProperty("message")
  private final String message;
  @JsonProperty("actions")
  private final List<AgentAction> actions;
  @JsonProperty("completed")
  private final Boolean completed;
  @JsonProperty("metadata")
  private final Map<String, JsonNode> metadata;
  @JsonProperty("usage")
  private final AgentUsage usage;
  private final Map<String, JsonNode> additionalProperties;

  private AgentResultData(Builder builder) {
    success = builder.success;
    message = builder.message;
    actions = Checks.copy(builder.actions, "actions");
    completed = builder.completed;
    metadata = Checks.copy(builder.metadata, "metadata");
    usage = builder.usage;
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

  /** Whether the agent succeeded. */
  public boolean success() {
    return Checks.present(success, "AgentResultData", "success");
  }

  /** Summary of what the agent accomplished. */
  public String message() {
    return Checks.present(message, "AgentResultData", "message");
  }

  /** The steps taken. */
  public List<AgentAction> actions() {
    return Checks.orEmpty(actions);
  }

  /** Whether the agent finished its task. */
  public boolean completed() {
    return Checks.present(completed, "AgentResultData", "completed");
  }

  /** Metadata of the run. */
  public Map<String, JsonNode> metadata() {
    return Checks.orEmpty(metadata);
  }

  /** Tokens and time used. */
  public Optional<AgentUsage> usage() {
    return Optional.ofNullable(usage);
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
    if (!(o instanceof AgentResultData)) {
      return false;
    }
    AgentResultData that = (AgentResultData) o;
    return Objects.equals(success, that.success)
        && Objects.equals(message, that.message)
        && Objects.equals(actions, that.actions)
        && Objects.equals(completed, that.completed)
        && Objects.equals(metadata, that.metadata)
        && Objects.equals(usage, that.usage)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(success, message, actions, completed, metadata, usage, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("AgentResultData")
        .add("success", success)
        .add("message", message)
        .add("actions", actions)
        .add("completed", completed)
        .add("metadata", metadata)
        .add("usage", usage)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public AgentResultData validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(success, path, "success", "AgentResultData");
    Checks.presentAt(message, path, "message", "AgentResultData");
    Checks.presentAt(actions, path, "actions", "AgentResultData");
    if (actions != null) {
      for (int i = 0; i < actions.size(); i++) {
        actions.get(i).validateAt(path + "actions[" + i + "].");
      }
    }
    Checks.presentAt(completed, path, "completed", "AgentResultData");
    if (usage != null) {
      usage.validateAt(path + "usage.");
    }
  }

  /** Builds {@link AgentResultData}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private Boolean success;
    private String message;
    private List<AgentAction> actions;
    private Boolean completed;
    private Map<String, JsonNode> metadata;
    private AgentUsage usage;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(AgentResultData source) {
      success = source.success;
      message = source.message;
      actions = source.actions == null ? null : new ArrayList<>(source.actions);
      completed = source.completed;
      metadata = source.metadata == null ? null : new LinkedHashMap<>(source.metadata);
      usage = source.usage;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Whether the agent succeeded. */
    @JsonProperty("success")
    public Builder success(boolean success) {
      this.success = success;
      return this;
    }

    /** Summary of what the agent accomplished. */
    @JsonProperty("message")
    public Builder message(String message) {
      this.message = Checks.notNull(message, "message");
      return this;
    }

    /** The steps taken. */
    @JsonProperty("actions")
    public Builder actions(List<AgentAction> actions) {
      this.actions = new ArrayList<>(Checks.notNull(actions, "actions"));
      return this;
    }

    /** Adds one element to {@link #actions(List)}. */
    public Builder addAction(AgentAction action) {
      if (actions == null) {
        actions = new ArrayList<>();
      }
      actions.add(Checks.notNull(action, "action"));
      return this;
    }

    /** Whether the agent finished its task. */
    @JsonProperty("completed")
    public Builder completed(boolean completed) {
      this.completed = completed;
      return this;
    }

    /** Metadata of the run. */
    @JsonProperty("metadata")
    public Builder metadata(Map<String, ?> metadata) {
      this.metadata = Params.toTrees(Checks.notNull(metadata, "metadata"));
      return this;
    }

    /** Puts one entry into {@link #metadata(Map)}; any value Jackson can write. */
    public Builder putMetadata(String name, Object value) {
      if (metadata == null) {
        metadata = new LinkedHashMap<>();
      }
      metadata.put(Checks.notNull(name, "name"), Json.toTree(value));
      return this;
    }

    /** Tokens and time used. */
    @JsonProperty("usage")
    public Builder usage(AgentUsage usage) {
      this.usage = Checks.notNull(usage, "usage");
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
     * Builds the AgentResultData, or throws {@link IllegalStateException} naming a required property
     * that is not set.
     */
    public AgentResultData build() {
      Checks.required(success, "AgentResultData", "success");
      Checks.required(message, "AgentResultData", "message");
      Checks.required(actions, "AgentResultData", "actions");
      Checks.required(completed, "AgentResultData", "completed");
      return new AgentResultData(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private AgentResultData buildFromJson() {
      return new AgentResultData(this);
    }
  }
}
