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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** How Browserbase creates the cloud browser of a session. */
@JsonModel
@JsonDeserialize(builder = BrowserbaseSessionCreateParams.Builder.class)
public final class BrowserbaseSessionCreateParams {
  @JsonProperty("projectId")
  private final String projectId;
  @JsonProperty("browserSettings")
  private final BrowserbaseBrowserSettings browserSettings;
  @JsonProperty("extensionId")
  private final String extensionId;
  @JsonProperty("keepAlive")
  private final Boolean keepAlive;
  @JsonProperty("proxies")
  private final Object proxies;
  @JsonProperty("region")
  private final BrowserbaseRegion region;
  @JsonProperty("timeout")
  private final Integer timeout;
  @JsonProperty("userMetadata")
  private final Map<String, JsonNode> userMetadata;
  private final Map<String, JsonNode> additionalProperties;

  private BrowserbaseSessionCreateParams(Builder builder) {
    projectId = builder.projectId;
    browserSettings = builder.browserSettings;
    extensionId = builder.extensionId;
    keepAlive = builder.keepAlive;
    proxies = builder.proxies;
    region = builder.region;
    timeout = builder.timeout;
    userMetadata = Checks.copy(builder.userMetadata, "userMetadata");
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

  /** Deprecated: Browserbase API keys are project-scoped, so this is no longer needed. */
  public Optional<String> projectId() {
    return Optional.ofNullable(projectId);
  }

  /** Browser settings. */
  public Optional<BrowserbaseBrowserSettings> browserSettings() {
    return Optional.ofNullable(browserSettings);
  }

  /** Id of an uploaded browser extension to load. */
  public Optional<String> extensionId() {
    return Optional.ofNullable(extensionId);
  }

  /** Whether the browser stays alive after the client disconnects. */
  public Optional<Boolean> keepAlive() {
    return Optional.ofNullable(keepAlive);
  }

  /** Proxies of the session. This form: {@code true} uses Browserbase's default proxies. */
  public Optional<Boolean> proxiesEnabled() {
    return proxies instanceof Boolean ? Optional.of((Boolean) proxies) : Optional.<Boolean>empty();
  }

  /** Proxies of the session. This form: the proxies to use, in order. */
  @SuppressWarnings("unchecked") // only ever set from a List<ProxyConfig>
  public Optional<List<ProxyConfig>> proxyList() {
    return proxies instanceof List ? Optional.of((List<ProxyConfig>) proxies) : Optional.<List<ProxyConfig>>empty();
  }

  /**
   * Region of the browser. The hosted API runs the session where its host is: pick the matching host
   * with the client's {@code region(...)}.
   */
  public Optional<BrowserbaseRegion> region() {
    return Optional.ofNullable(region);
  }

  /** Session timeout in seconds. */
  public Optional<Integer> timeout() {
    return Optional.ofNullable(timeout);
  }

  /** Your own metadata, stored with the session. */
  public Map<String, JsonNode> userMetadata() {
    return Checks.orEmpty(userMetadata);
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
    if (!(o instanceof BrowserbaseSessionCreateParams)) {
      return false;
    }
    BrowserbaseSessionCreateParams that = (BrowserbaseSessionCreateParams) o;
    return Objects.equals(projectId, that.projectId)
        && Objects.equals(browserSettings, that.browserSettings)
        && Objects.equals(extensionId, that.extensionId)
        && Objects.equals(keepAlive, that.keepAlive)
        && Objects.equals(proxies, that.proxies)
        && Objects.equals(region, that.region)
        && Objects.equals(timeout, that.timeout)
        && Objects.equals(userMetadata, that.userMetadata)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(projectId, browserSettings, extensionId, keepAlive, proxies, region, timeout, userMetadata, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("BrowserbaseSessionCreateParams")
        .add("projectId", projectId)
        .add("browserSettings", browserSettings)
        .add("extensionId", extensionId)
        .add("keepAlive", keepAlive)
        .add("proxies", proxies)
        .add("region", region)
        .add("timeout", timeout)
        .add("userMetadata", userMetadata)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public BrowserbaseSessionCreateParams validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    if (browserSettings != null) {
      browserSettings.validateAt(path + "browserSettings.");
    }
    Checks.knownFormAt(proxies, path, "proxies");
  }

  /** Builds {@link BrowserbaseSessionCreateParams}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private String projectId;
    private BrowserbaseBrowserSettings browserSettings;
    private String extensionId;
    private Boolean keepAlive;
    private Object proxies;
    private BrowserbaseRegion region;
    private Integer timeout;
    private Map<String, JsonNode> userMetadata;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(BrowserbaseSessionCreateParams source) {
      projectId = source.projectId;
      browserSettings = source.browserSettings;
      extensionId = source.extensionId;
      keepAlive = source.keepAlive;
      proxies = source.proxies;
      region = source.region;
      timeout = source.timeout;
      userMetadata = source.userMetadata == null ? null : new LinkedHashMap<>(source.userMetadata);
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** Deprecated: Browserbase API keys are project-scoped, so this is no longer needed. */
    @JsonProperty("projectId")
    public Builder projectId(String projectId) {
      this.projectId = Checks.notNull(projectId, "projectId");
      return this;
    }

    /** Browser settings. */
    @JsonProperty("browserSettings")
    public Builder browserSettings(BrowserbaseBrowserSettings browserSettings) {
      this.browserSettings = Checks.notNull(browserSettings, "browserSettings");
      return this;
    }

    /** Id of an uploaded browser extension to load. */
    @JsonProperty("extensionId")
    public Builder extensionId(String extensionId) {
      this.extensionId = Checks.notNull(extensionId, "extensionId");
      return this;
    }

    /** Whether the browser stays alive after the client disconnects. */
    @JsonProperty("keepAlive")
    public Builder keepAlive(boolean keepAlive) {
      this.keepAlive = keepAlive;
      return this;
    }

    /** Proxies of the session. This form: {@code true} uses Browserbase's default proxies. */
    public Builder proxies(boolean proxies) {
      this.proxies = proxies;
      return this;
    }

    /** Proxies of the session. This form: the proxies to use, in order. */
    public Builder proxies(List<ProxyConfig> proxies) {
      this.proxies = Checks.copy(Checks.notNull(proxies, "proxies"), "proxies");
      return this;
    }

    @JsonProperty("proxies")
    private Builder proxiesFromJson(JsonNode node) {
      if (node.isBoolean()) {
        this.proxies = node.booleanValue();
        return this;
      }
      if (node.isArray()) {
        this.proxies = Json.convertList(node, ProxyConfig.class);
        return this;
      }
      this.proxies = node; // a form this SDK version does not know: kept as it came
      return this;
    }

    /**
     * Region of the browser. The hosted API runs the session where its host is: pick the matching host
     * with the client's {@code region(...)}.
     */
    @JsonProperty("region")
    public Builder region(BrowserbaseRegion region) {
      this.region = Checks.notNull(region, "region");
      return this;
    }

    /** Session timeout in seconds. */
    @JsonProperty("timeout")
    public Builder timeout(int timeout) {
      this.timeout = Checks.nonNegative(timeout, "timeout");
      return this;
    }

    /** Your own metadata, stored with the session. */
    @JsonProperty("userMetadata")
    public Builder userMetadata(Map<String, ?> userMetadata) {
      this.userMetadata = Params.toTrees(Checks.notNull(userMetadata, "userMetadata"));
      return this;
    }

    /** Puts one entry into {@link #userMetadata(Map)}; any value Jackson can write. */
    public Builder putUserMetadata(String name, Object value) {
      if (userMetadata == null) {
        userMetadata = new LinkedHashMap<>();
      }
      userMetadata.put(Checks.notNull(name, "name"), Json.toTree(value));
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

    /** Builds the BrowserbaseSessionCreateParams. */
    public BrowserbaseSessionCreateParams build() {
      return new BrowserbaseSessionCreateParams(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private BrowserbaseSessionCreateParams buildFromJson() {
      return new BrowserbaseSessionCreateParams(this);
    }
  }
}
