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

/** The started session. */
@JsonModel
@JsonDeserialize(builder = SessionStartResult.Builder.class)
public final class SessionStartResult {
  @JsonProperty("sessionId")
  private final String sessionId;
  @JsonProperty("cdpUrl")
  private final String cdpUrl;
  @JsonProperty("available")
  private final Boolean available;
  private final Map<String, JsonNode> additionalProperties;

  private SessionStartResult(Builder builder) {
    sessionId = builder.sessionId;
    cdpUrl = builder.cdpUrl;
    available = builder.available;
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

  /** The session id, used by every other operation. */
  public String sessionId() {
    return Checks.present(sessionId, "SessionStartResult", "sessionId");
  }

  /** CDP WebSocket URL of the cloud browser, when available. */
  public Optional<String> cdpUrl() {
    return Optional.ofNullable(cdpUrl);
  }

  /** Whether the session is available. */
  public boolean available() {
    return Checks.present(available, "SessionStartResult", "available");
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
    if (!(o instanceof SessionStartResult)) {
      return false;
    }
    SessionStartResult that = (SessionStartResult) o;
    return Objects.equals(sessionId, that.sessionId)
        && Objects.equals(cdpUrl, that.cdpUrl)
        && Objects.equals(available, that.available)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(sessionId, cdpUrl, available, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("SessionStartResult")
        .add("sessionId", sessionId)
        .url("cdpUrl", cdpUrl)
        .add("available", available)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public SessionStartResult validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(sessionId, path, "sessionId", "SessionStartResult");
    Checks.presentAt(available, path, "available", "SessionStartResult");
  }

  /** Builds {@link SessionStartResult}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String sessionId;
    private String cdpUrl;
    private Boolean available;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(SessionStartResult source) {
      sessionId = source.sessionId;
      cdpUrl = source.cdpUrl;
      available = source.available;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** The session id, used by every other operation. */
    @JsonProperty("sessionId")
    public Builder sessionId(String sessionId) {
      this.sessionId = Checks.notNull(sessionId, "sessionId");
      return this;
    }

    /** CDP WebSocket URL of the cloud browser, when available. */
    @JsonProperty("cdpUrl")
    public Builder cdpUrl(String cdpUrl) {
      this.cdpUrl = Checks.notNull(cdpUrl, "cdpUrl");
      return this;
    }

    /** Whether the session is available. */
    @JsonProperty("available")
    public Builder available(boolean available) {
      this.available = available;
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
     * Builds the SessionStartResult, or throws {@link IllegalStateException} naming a required
     * property that is not set.
     */
    public SessionStartResult build() {
      Checks.required(sessionId, "SessionStartResult", "sessionId");
      Checks.required(available, "SessionStartResult", "available");
      return new SessionStartResult(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private SessionStartResult buildFromJson() {
      return new SessionStartResult(this);
    }
  }
}
