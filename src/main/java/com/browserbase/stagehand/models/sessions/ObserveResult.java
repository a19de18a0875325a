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

/** The result of an {@code observe}. */
@JsonModel
@JsonDeserialize(builder = ObserveResult.Builder.class)
public final class ObserveResult {
  @JsonProperty("result")
  private final List<Action> result;
  @JsonProperty("actionId")
  private final String actionId;
  private final Map<String, JsonNode> additionalProperties;

  private ObserveResult(Builder builder) {
    result = Checks.copy(builder.result, "result");
    actionId = builder.actionId;
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

  /** The actions found; each can be passed to {@code act} as it is. */
  public List<Action> result() {
    return Checks.orEmpty(result);
  }

  /** Action id, for tracking. */
  public Optional<String> actionId() {
    return Optional.ofNullable(actionId);
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
    if (!(o instanceof ObserveResult)) {
      return false;
    }
    ObserveResult that = (ObserveResult) o;
    return Objects.equals(result, that.result)
        && Objects.equals(actionId, that.actionId)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(result, actionId, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("ObserveResult")
        .add("result", result)
        .add("actionId", actionId)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public ObserveResult validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(result, path, "result", "ObserveResult");
    if (result != null) {
      for (int i = 0; i < result.size(); i++) {
        result.get(i).validateAt(path + "result[" + i + "].");
      }
    }
  }

  /** Builds {@link ObserveResult}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private List<Action> result;
    private String actionId;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(ObserveResult source) {
      result = source.result == null ? null : new ArrayList<>(source.result);
      actionId = source.actionId;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** The actions found; each can be passed to {@code act} as it is. */
    @JsonProperty("result")
    public Builder result(List<Action> result) {
      this.result = new ArrayList<>(Checks.notNull(result, "result"));
      return this;
    }

    /** Adds one element to {@link #result(List)}. */
    public Builder addAction(Action action) {
      if (result == null) {
        result = new ArrayList<>();
      }
      result.add(Checks.notNull(action, "action"));
      return this;
    }

    /** Action id, for tracking. */
    @JsonProperty("actionId")
    public Builder actionId(String actionId) {
      this.actionId = Checks.notNull(actionId, "actionId");
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
     * Builds the ObserveResult, or throws {@link IllegalStateException} naming a required property
     * that is not set.
     */
    public ObserveResult build() {
      Checks.required(result, "ObserveResult", "result");
      return new ObserveResult(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private ObserveResult buildFromJson() {
      return new ObserveResult(this);
    }
  }
}
