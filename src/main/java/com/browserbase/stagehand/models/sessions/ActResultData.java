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

/**
 * What an {@code act} did. A failed action in the browser is {@code success() == false}, not an
 * exception.
 */
@JsonModel
@JsonDeserialize(builder = ActResultData.Builder.class)
public final class ActResultData {
  @JsonProperty("success")
  private final Boolean success;
  @JsonProperty("message")
  private final String message;
  @JsonProperty("actionDescription")
  private final String actionDescription;
  @JsonProperty("actions")
  private final List<Action> actions;
  private final Map<String, JsonNode> additionalProperties;

  private ActResultData(Builder builder) {
    success = builder.success;
    message = builder.message;
    actionDescription = builder.actionDescription;
    actions = Checks.copy(builder.actions, "actions");
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

  /** Whether the action succeeded. */
  public boolean success() {
    return Checks.present(success, "ActResultData", "success");
  }

  /** Human-readable result. */
  public String message() {
    return Checks.present(message, "ActResultData", "message");
  }

  /** Description of the action performed. */
  public String actionDescription() {
    return Checks.present(actionDescription, "ActResultData", "actionDescription");
  }

  /** The actions that were performed. */
  public List<Action> actions() {
    return Checks.orEmpty(actions);
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
    if (!(o instanceof ActResultData)) {
      return false;
    }
    ActResultData that = (ActResultData) o;
    return Objects.equals(success, that.success)
        && Objects.equals(message, that.message)
        && Objects.equals(actionDescription, that.actionDescription)
        && Objects.equals(actions, that.actions)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(success, message, actionDescription, actions, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("ActResultData")
        .add("success", success)
        .add("message", message)
        .add("actionDescription", actionDescription)
        .add("actions", actions)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public ActResultData validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(success, path, "success", "ActResultData");
    Checks.presentAt(message, path, "message", "ActResultData");
    Checks.presentAt(actionDescription, path, "actionDescription", "ActResultData");
    Checks.presentAt(actions, path, "actions", "ActResultData");
    if (actions != null) {
      for (int i = 0; i < actions.size(); i++) {
        actions.get(i).validateAt(path + "actions[" + i + "].");
      }
    }
  }

  /** Builds {@link ActResultData}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private Boolean success;
    private String message;
    private String actionDescription;
    private List<Action> actions;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(ActResultData source) {
      success = source.success;
      message = source.message;
      actionDescription = source.actionDescription;
      actions = source.actions == null ? null : new ArrayList<>(source.actions);
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Whether the action succeeded. */
    @JsonProperty("success")
    public Builder success(boolean success) {
      this.success = success;
      return this;
    }

    /** Human-readable result. */
    @JsonProperty("message")
    public Builder message(String message) {
      this.message = Checks.notNull(message, "message");
      return this;
    }

    /** Description of the action performed. */
    @JsonProperty("actionDescription")
    public Builder actionDescription(String actionDescription) {
      this.actionDescription = Checks.notNull(actionDescription, "actionDescription");
      return this;
    }

    /** The actions that were performed. */
    @JsonProperty("actions")
    public Builder actions(List<Action> actions) {
      this.actions = new ArrayList<>(Checks.notNull(actions, "actions"));
      return this;
    }

    /** Adds one element to {@link #actions(List)}. */
    public Builder addAction(Action action) {
      if (actions == null) {
        actions = new ArrayList<>();
      }
      actions.add(Checks.notNull(action, "action"));
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
     * Builds the ActResultData, or throws {@link IllegalStateException} naming a required property
     * that is not set.
     */
    public ActResultData build() {
      Checks.required(success, "ActResultData", "success");
      Checks.required(message, "ActResultData", "message");
      Checks.required(actionDescription, "ActResultData", "actionDescription");
      Checks.required(actions, "ActResultData", "actions");
      return new ActResultData(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private ActResultData buildFromJson() {
      return new ActResultData(this);
    }
  }
}
