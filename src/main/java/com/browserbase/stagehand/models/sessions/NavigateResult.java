package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.internal.Checks;
import com.browserbase.stagehand.internal.Json;
import com.browserbase.stagehand.internal.JsonModel;
import com.browserbase.stagehand.internal.ToString;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The result of a {@code navigate}. */
@JsonModel
@JsonDeserialize(builder = NavigateResult.Builder.class)
public final class NavigateResult {
  @JsonProperty("result")
  private final JsonNode result;
  @JsonProperty("actionId")
  private final String actionId;
  private final Map<String, JsonNode> additionalProperties;

  private NavigateResult(Builder builder) {
    result = builder.result;
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

  /** The serialized page response (may exceed 1 MB), or empty when the page gave none. */
  public Optional<JsonNode> result() {
    return result == null || result.isNull() ? Optional.<JsonNode>empty() : Optional.of(result);
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
    if (!(o instanceof NavigateResult)) {
      return false;
    }
    NavigateResult that = (NavigateResult) o;
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
    return ToString.of("NavigateResult")
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
  public NavigateResult validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
  }

  /** Builds {@link NavigateResult}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private JsonNode result;
    private String actionId;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(NavigateResult source) {
      result = source.result;
      actionId = source.actionId;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /**
     * The serialized page response (may exceed 1 MB), or empty when the page gave none. The node is
     * copied.
     */
    public Builder result(JsonNode result) {
      this.result = Checks.notNull(result, "result").deepCopy();
      return this;
    }

    @JsonProperty("result")
    @JsonSetter(nulls = Nulls.SET) // a JSON null is a value here: kept as NullNode
    private Builder resultFromJson(JsonNode result) {
      this.result = result != null ? result : NullNode.getInstance();
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

    /** Builds the NavigateResult. */
    public NavigateResult build() {
      return new NavigateResult(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private NavigateResult buildFromJson() {
      return new NavigateResult(this);
    }
  }
}
