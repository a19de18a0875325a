package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.internal.UnionDeserializers;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

/**
 * A proxy of a Browserbase session: {@link BrowserbaseProxyConfig} (managed by Browserbase) or {@link
 * ExternalProxyConfig} (your own). Read from JSON by its {@code type}.
 */
@JsonDeserialize(using = UnionDeserializers.ProxyConfigDeserializer.class)
public interface ProxyConfig {
  /** The discriminator: {@code browserbase} or {@code external}. */
  String type();
}
