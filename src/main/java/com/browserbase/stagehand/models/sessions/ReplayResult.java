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

/** The replay of a session; {@code pages} may be empty. */
@JsonModel
@JsonDeserialize(builder = ReplayResult.Builder.class)
public final class ReplayResult {
  @JsonProperty("pages")
  private final List<ReplayPage> pages;
  @JsonProperty("clientLanguage")
  private final String clientLanguage;
  private final Map<String, JsonNode> additionalProperties;

  private ReplayResult(Builder builder) {
    pages = Checks.copy(builder.pages, "pages");
    clientLanguage = builder.clientLanguage;
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

  /** The pages visited. */
  public List<ReplayPage> pages() {
    return Checks.orEmpty(pages);
  }

  /** Language of the client that drove the session. */
  public Optional<String> clientLanguage() {
    return Optional.ofNullable(clientLanguage);
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
    if (!(o instanceof ReplayResult)) {
      return false;
    }
    ReplayResult that = (ReplayResult) o;
    return Objects.equals(pages, that.pages)
        && Objects.equals(clientLanguage, that.clientLanguage)
        && additionalProperties.equals(that.additionalProperties);
  }

  @Override
  public int hashCode() {
    return Objects.hash(pages, clientLanguage, additionalProperties);
  }

  /** Shows the set values; secrets show as {@code ***}. */
  @Override
  public String toString() {
    return ToString.of("ReplayResult")
        .add("pages", pages)
        .add("clientLanguage", clientLanguage)
        .additional(additionalProperties)
        .toString();
  }

  /**
   * Checks that every required property is present, here and in nested objects, and that unions have
   * a known form. Returns this object; throws {@link
   * com.browserbase.stagehand.errors.StagehandInvalidDataException} naming the first problem by its
   * path, such as {@code data.result.message}.
   */
  public ReplayResult validate() {
    validateAt("");
    return this;
  }

  void validateAt(String path) {
    Checks.presentAt(pages, path, "pages", "ReplayResult");
    if (pages != null) {
      for (int i = 0; i < pages.size(); i++) {
        pages.get(i).validateAt(path + "pages[" + i + "].");
      }
    }
  }

  /** Builds {@link ReplayResult}. Not thread-safe; setters reject {@code null}. */
  @JsonModel
  @JsonPOJOBuilder(withPrefix = "", buildMethodName = "buildFromJson")
  public static final class Builder {
    private List<ReplayPage> pages;
    private String clientLanguage;
    private Map<String, JsonNode> additionalProperties;

    private Builder() {}

    private Builder(ReplayResult source) {
      pages = source.pages == null ? null : new ArrayList<>(source.pages);
      clientLanguage = source.clientLanguage;
      additionalProperties = source.additionalProperties.isEmpty()
          ? null
          : new LinkedHashMap<>(source.additionalProperties);
    }

    /** The pages visited. */
    @JsonProperty("pages")
    public Builder pages(List<ReplayPage> pages) {
      this.pages = new ArrayList<>(Checks.notNull(pages, "pages"));
      return this;
    }

    /** Adds one element to {@link #pages(List)}. */
    public Builder addPage(ReplayPage page) {
      if (pages == null) {
        pages = new ArrayList<>();
      }
      pages.add(Checks.notNull(page, "page"));
      return this;
    }

    /** Language of the client that drove the session. */
    @JsonProperty("clientLanguage")
    public Builder clientLanguage(String clientLanguage) {
      this.clientLanguage = Checks.notNull(clientLanguage, "clientLanguage");
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
     * Builds the ReplayResult, or throws {@link IllegalStateException} naming a required property that
     * is not set.
     */
    public ReplayResult build() {
      Checks.required(pages, "ReplayResult", "pages");
      return new ReplayResult(this);
    }

    // Jackson's way in: values read from the server are not held to build()'s checks.
    private ReplayResult buildFromJson() {
      return new ReplayResult(this);
    }
  }
}
