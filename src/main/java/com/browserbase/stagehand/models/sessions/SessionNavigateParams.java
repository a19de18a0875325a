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
import com.fasterxml.jackson.databind.annotation.JsonAppend;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonPOJOBuilder;
import com.fasterxml.jackson.databind.node.NullNode;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** The request of {@code sessions().navigate(...)}: opens a URL. */
@JsonModel
@JsonAppend(attrs = @JsonAppend.Attr(value = "streamResponse"))
@JsonDeserialize(builder = SessionNavigateParams.Builder.class)
public final class SessionNavigateParams {
  @JsonProperty("url")
  private final String url;
  @JsonProperty("options")
  private final NavigateOptions options;
  @JsonProperty("frameId")
  private final String frameId;
  private final String id;
  private final Map<String, List<String>> additionalHeaders;
  private final Map<String, List<String>> additionalQueryParams;
  private final Map<String, JsonNode> additionalProperties;

  private SessionNavigateParams(Builder builder) {
    id = builder.id;
    url = builder.url;
    options = builder.options;
    frameId = builder.frameId;
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

  /** The URL to open. */
  public String url() {
    return Checks.present(url, "SessionNavigateParams", "url");
  }

  /** Options of this call. */
  public Optional<NavigateOptions> options() {
    return Optional.ofNullable(options);
  }

  /** Target frame id for the navigation; the main frame when not set. */
  public Optional<String> frameId() {
    return Optional.ofNullable(frameId);
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
    if (!(o instanceof SessionNavigateParams)) {
      return false;
    }
    SessionNavigateParams that = (SessionNavigateParams) o;
    return Objects.equals(url, that.url)
        && Objects.equals(options, that.options)
        && Objects.equals(frameId, that.frameId)
        && Objects.equals(id, that.id)
        && additionalHeaders.equals(that.additionalHeaders)
        && additionalQueryParams.equals(that.additionalQueryParams)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(url, options, frameId, id, additionalHeaders, additionalQueryParams, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("SessionNavigateParams")
        .add("id", id)
        .add("url", url)
        .add("options", options)
        .add("frameId", frameId)
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
  public SessionNavigateParams validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(url, path, "url", "SessionNavigateParams");
    if (options != null) {
      options.validateAt(path + "options.");
    }
  }

  /** Builds {@link SessionNavigateParams}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String id;
    private String url;
    private NavigateOptions options;
    private String frameId;
    private Map<String, List<String>> additionalHeaders;
    private Map<String, List<String>> additionalQueryParams;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(SessionNavigateParams source) {
      id = source.id;
      url = source.url;
      options = source.options;
      frameId = source.frameId;
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

    /** The URL to open. */
    @JsonProperty("url")
    public Builder url(String url) {
      this.url = Checks.notNull(url, "url");
      return this;
    }

    /** Options of this call. */
    @JsonProperty("options")
    public Builder options(NavigateOptions options) {
      this.options = Checks.notNull(options, "options");
      return this;
    }

    /** Target frame id for the navigation; the main frame when not set. */
    @JsonProperty("frameId")
    public Builder frameId(String frameId) {
      this.frameId = Checks.notNull(frameId, "frameId");
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
     * each key once. {@code streamResponse} is rejected with {@link IllegalArgumentException}:
     * call {@code navigateStreaming} to stream.
     */
    public Builder putAdditionalBodyProperty(String name, Object value) {
      return putAdditionalProperty(name, value);
    }

    /** Same as {@link #putAdditionalBodyProperty}, under the name every model's builder has. */
    public Builder putAdditionalProperty(String name, Object value) {
      if (additionalProperties == null) {
        additionalProperties = new LinkedHashMap<>();
      }
      additionalProperties.put(Params.bodyPropertyName(name, "navigate"), Json.toTree(value));
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
     * Builds the SessionNavigateParams, or throws {@link IllegalStateException} naming a required
     * property that is not set.
     */
    public SessionNavigateParams build() {
      Params.requireId(id);
      Checks.required(url, "SessionNavigateParams", "url");
      return new SessionNavigateParams(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private SessionNavigateParams buildFromJson() {
      return new SessionNavigateParams(this);
    }
  }
}
