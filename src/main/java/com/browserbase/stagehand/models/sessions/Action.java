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

/** An element action: what {@code observe} returns and {@code act} accepts as it is. */
@JsonModel
@JsonDeserialize(builder = Action.Builder.class)
public final class Action {
  @JsonProperty("selector")
  private final String selector;
  @JsonProperty("description")
  private final String description;
  @JsonProperty("backendNodeId")
  private final Long backendNodeId;
  @JsonProperty("method")
  private final String method;
  @JsonProperty("arguments")
  private final List<String> arguments;
  private final Map<String, JsonNode> additionalProperties;

  private Action(Builder builder) {
    selector = builder.selector;
    description = builder.description;
    backendNodeId = builder.backendNodeId;
    method = builder.method;
    arguments = Checks.copy(builder.arguments, "arguments");
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

  /** CSS selector or XPath of the element. */
  public String selector() {
    return Checks.present(selector, "Action", "selector");
  }

  /** Human-readable description of the action. */
  public String description() {
    return Checks.present(description, "Action", "description");
  }

  /** Backend DOM node id of the element. */
  public Optional<Long> backendNodeId() {
    return Optional.ofNullable(backendNodeId);
  }

  /** The method to perform, such as {@code click} or {@code fill}. */
  public Optional<String> method() {
    return Optional.ofNullable(method);
  }

  /** Arguments passed to the method. */
  public List<String> arguments() {
    return Checks.orEmpty(arguments);
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
    if (!(o instanceof Action)) {
      return false;
    }
    Action that = (Action) o;
    return Objects.equals(selector, that.selector)
        && Objects.equals(description, that.description)
        && Objects.equals(backendNodeId, that.backendNodeId)
        && Objects.equals(method, that.method)
        && Objects.equals(arguments, that.arguments)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(selector, description, backendNodeId, method, arguments, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("Action")
        .add("selector", selector)
        .add("description", description)
        .add("backendNodeId", backendNodeId)
        .add("method", method)
        .add("arguments", arguments)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public Action validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(selector, path, "selector", "Action");
    Checks.presentAt(description, path, "description", "Action");
  }

  /** Builds {@link Action}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String selector;
    private String description;
    private Long backendNodeId;
    private String method;
    private List<String> arguments;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(Action source) {
      selector = source.selector;
      description = source.description;
      backendNodeId = source.backendNodeId;
      method = source.method;
      arguments = source.arguments == null ? null : new ArrayList<>(source.arguments);
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** CSS selector or XPath of the element. */
    @JsonProperty("selector")
    public Builder selector(String selector) {
      this.selector = Checks.notNull(selector, "selector");
      return this;
    }

    /** Human-readable description of the action. */
    @JsonProperty("description")
    public Builder description(String description) {
      this.description = Checks.notNull(description, "description");
      return this;
    }

    /** Backend DOM node id of the element. */
    @JsonProperty("backendNodeId")
    public Builder backendNodeId(long backendNodeId) {
      this.backendNodeId = backendNodeId;
      return this;
    }

    /** The method to perform, such as {@code click} or {@code fill}. */
    @JsonProperty("method")
    public Builder method(String method) {
      this.method = Checks.notNull(method, "method");
      return this;
    }

    /** Arguments passed to the method. */
    @JsonProperty("arguments")
    public Builder arguments(List<String> arguments) {
      this.arguments = new ArrayList<>(Checks.notNull(arguments, "arguments"));
      return this;
    }

    /** Adds one element to {@link #arguments(List)}. */
    public Builder addArgument(String argument) {
      if (arguments == null) {
        arguments = new ArrayList<>();
      }
      arguments.add(Checks.notNull(argument, "argument"));
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
     * Builds the Action, or throws {@link IllegalStateException} naming a required property that is
     * not set.
     */
    public Action build() {
      Checks.required(selector, "Action", "selector");
      Checks.required(description, "Action", "description");
      return new Action(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private Action buildFromJson() {
      return new Action(this);
    }
  }
}
