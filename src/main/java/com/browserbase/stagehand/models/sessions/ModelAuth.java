package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.internal.UnionDeserializers;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * How a model authenticates with its provider: {@link GoogleServiceAccountAuth} (Vertex AI) or {@link
 * AzureEntraIdAuth} (Azure OpenAI). Read from JSON by its {@code type}.
 */
@JsonDeserialize(using = UnionDeserializers.ModelAuthDeserializer.class)
public interface ModelAuth {
  /** The discriminator: {@code googleServiceAccount} or {@code azureEntraId}. */
  String type();
}
