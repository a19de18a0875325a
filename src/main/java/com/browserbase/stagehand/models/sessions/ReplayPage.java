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

/** One page of a session replay. */
@JsonModel
@JsonDeserialize(builder = ReplayPage.Builder.class)
public final class ReplayPage {
  @JsonProperty("url")
  private final String url;
  @JsonProperty("timestamp")
  private final Double timestamp;
  @JsonProperty("duration")
  private final Double duration;
  @JsonProperty("actions")
  private final List<ReplayAction> actions;
  private final Map<String, JsonNode> additionalProperties;

  private ReplayPage(Builder builder) {
    url = builder.url;
    timestamp = builder.timestamp;
    duration = builder.duration;
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

  /** URL of the page. */
  public String url() {
    return Checks.present(url, "ReplayPage", "url");
  }

  /** When the page opened, in epoch milliseconds. */
  public double timestamp() {
    return Checks.present(timestamp, "ReplayPage", "timestamp");
  }

  /** How long it was open, in milliseconds. */
  public double duration() {
    return Checks.present(duration, "ReplayPage", "duration");
  }

  /** The actions on the page. */
  public List<ReplayAction> actions() {
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
    if (!(o instanceof ReplayPage)) {
      return false;
    }
    ReplayPage that = (ReplayPage) o;
    return Objects.equals(url, that.url)
        && Objects.equals(timestamp, that.timestamp)
        && Objects.equals(duration, that.duration)
        && Objects.equals(actions, that.actions)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, timestamp, duration, actions, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("ReplayPage")
        .add("url", url)
        .add("timestamp", timestamp)
        .add("duration", duration)
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
  public ReplayPage validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(url, path, "url", "ReplayPage");
    Checks.presentAt(timestamp, path, "timestamp", "ReplayPage");
    Checks.presentAt(duration, path, "duration", "ReplayPage");
    Checks.presentAt(actions, path, "actions", "ReplayPage");
    if (actions != null) {
      for (int i = 0; i < actions.size(); i++) {
        actions.get(i).validateAt(path + "actions[" + i + "].");
      }
    }
  }

  /** Builds {@link ReplayPage}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String url;
    private Double timestamp;
    private Double duration;
    private List<ReplayAction> actions;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(ReplayPage source) {
      url = source.url;
      timestamp = source.timestamp;
      duration = source.duration;
      actions = source.actions == null ? null : new ArrayList<>(source.actions);
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** URL of the page. */
    @JsonProperty("url")
    public Builder url(String url) {
      this.url = Checks.notNull(url, "url");
      return this;
    }

    /** When the page opened, in epoch milliseconds. */
    @JsonProperty("timestamp")
    public Builder timestamp(double timestamp) {
      this.timestamp = timestamp;
      return this;
    }

    /** How long it was open, in milliseconds. */
    @JsonProperty("duration")
    public Builder duration(double duration) {
      this.duration = duration;
      return this;
    }

    /** The actions on the page. */
    @JsonProperty("actions")
    public Builder actions(List<ReplayAction> actions) {
      this.actions = new ArrayList<>(Checks.notNull(actions, "actions"));
      return this;
    }

    /** Adds one element to {@link #actions(List)}. */
    public Builder addAction(ReplayAction action) {
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
     * Builds the ReplayPage, or throws {@link IllegalStateException} naming a required property that
     * is not set.
     */
    public ReplayPage build() {
      Checks.required(url, "ReplayPage", "url");
      Checks.required(timestamp, "ReplayPage", "timestamp");
      Checks.required(duration, "ReplayPage", "duration");
      Checks.required(actions, "ReplayPage", "actions");
      return new ReplayPage(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private ReplayPage buildFromJson() {
      return new ReplayPage(this);
    }
  }
}
