package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.internal.Checks;
import com.browserbase.stagehand.internal.Json;
import com.browserbase.stagehand.internal.JsonModel;
import com.browserbase.stagehand.internal.Params;
import com.browserbase.stagehand.internal.ToString;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The request of {@code sessions().end(...)}: ends a session and releases its browser. Sent with
 * no body.
 */
@JsonModel
@JsonDeserialize(builder = SessionEndParams.Builder.class)
public final class SessionEndParams {
  private final String id;
  private final Map<String, List<String>> additionalHeaders;
  private final Map<String, List<String>> additionalQueryParams;
  private final Map<String, JsonNode> additionalProperties;

  private SessionEndParams(Builder builder) {
    id = builder.id;
    additionalHeaders = Params.copyMulti(builder.additionalHeaders);
    additionalQueryParams = Params.copyMulti(builder.additionalQueryParams);
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

  /** The session id; sent as a path segment, never in the body. */
  public String id() {
    return id;
  }

  /** Extra HTTP headers sent with this request only. */
  public Map<String, List<String>> additionalHeaders() {
    return additionalHeaders;
  }

  /** Extra query parameters sent with this request only. */
  public Map<String, List<String>> additionalQueryParams() {
    return additionalQueryParams;
  }

  /** Extra body properties, for API features this SDK version does not model; never null. */
  @JsonAnyGetter
  public Map<String, JsonNode> additionalProperties() {
    return additionalProperties;
  }

  @Override
  public boolean equals(Object o) {
    if (o == this) {
      return true;
    }
    if (!(o instanceof SessionEndParams)) {
      return false;
    }
    SessionEndParams that = (SessionEndParams) o;
    return Objects.equals(id, that.id)
        && additionalHeaders.equals(that.additionalHeaders)
        && additionalQueryParams.equals(that.additionalQueryParams)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, additionalHeaders, additionalQueryParams, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("SessionEndParams")
        .add("id", id)
        .add("additionalHeaders", additionalHeaders.isEmpty() ? null : additionalHeaders.keySet())
        .add("additionalQueryParams", additionalQueryParams.isEmpty() ? null : additionalQueryParams)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public SessionEndParams validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
  }

  /** Builds {@link SessionEndParams}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String id;
    private Map<String, List<String>> additionalHeaders;
    private Map<String, List<String>> additionalQueryParams;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(SessionEndParams source) {
      id = source.id;
      additionalHeaders = Params.mutableMulti(source.additionalHeaders);
      additionalQueryParams = Params.mutableMulti(source.additionalQueryParams);
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /**
     * The session id (required). Sent as one encoded path segment: {@code a/b} or {@code ../x} cannot
     * change the path; {@code .} and {@code ..} are rejected by {@code build()}.
     */
    public Builder id(String id) {
      this.id = Checks.notNull(id, "id");
      return this;
    }

    /** Adds an HTTP header sent with this request only (after the client's headers). */
    public Builder putAdditionalHeader(String name, String value) {
      additionalHeaders = Params.put(additionalHeaders, Checks.notNull(name, "name"), Checks.notNull(value, "value"));
      return this;
    }

    /** Adds a query parameter sent with this request only. */
    public Builder putAdditionalQueryParam(String name, String value) {
      additionalQueryParams = Params.put(additionalQueryParams, Checks.notNull(name, "name"), Checks.notNull(value, "value"));
      return this;
    }

    /**
     * Adds a body property this SDK version does not model; any value Jackson can write. For a
     * name this class also models, this value is sent instead of the modelled one: the body holds
     * each key once.
     */
    public Builder putAdditionalBodyProperty(String name, Object value) {
      return putAdditionalProperty(name, value);
    }

    /** Same as {@link #putAdditionalBodyProperty}, under the name every model's builder has. */
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
     * Builds the SessionEndParams, or throws {@link IllegalStateException} naming a required property
     * that is not set.
     */
    public SessionEndParams build() {
      Params.requireId(id);
      return new SessionEndParams(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private SessionEndParams buildFromJson() {
      return new SessionEndParams(this);
    }
  }
}
