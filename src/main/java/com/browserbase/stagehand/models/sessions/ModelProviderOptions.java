package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.internal.UnionDeserializers;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * Provider-specific settings of a model: {@link VertexModelProviderOptions} or {@link
 * AzureModelProviderOptions}. Read from JSON by its single key, {@code vertex} or {@code azure}.
 */
@JsonDeserialize(using = UnionDeserializers.ModelProviderOptionsDeserializer.class)
public interface ModelProviderOptions {
  /** Vertex AI settings: {@code {"vertex": {...}}}. */
  static ModelProviderOptions vertex(VertexProviderOptions vertex) {
    return VertexModelProviderOptions.builder().vertex(vertex).build();
  }

  /** Azure OpenAI settings: {@code {"azure": {...}}}. */
  static ModelProviderOptions azure(AzureProviderOptions azure) {
    return AzureModelProviderOptions.builder().azure(azure).build();
  }
}
