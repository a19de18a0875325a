package com.browserbase.stagehand.spring.boot;

import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.local.LocalServer;

/** The client builder the {@code stagehand.*} properties describe. */
final class StagehandClients {
  private StagehandClients() {
  }

  /** A builder with every property that is set; the rest keep the SDK's defaults. Nothing is read from elsewhere. */
  static StagehandOkHttpClient.Builder builder(StagehandProperties properties) {
    StagehandOkHttpClient.Builder builder = StagehandOkHttpClient.builder()
        .maxRetries(properties.getMaxRetries())
        .connectTimeout(properties.getConnectTimeout())
        .allowPlainHttp(properties.isAllowPlainHttp());
    if (properties.getLocal().isEnabled()) {
      builder.localServer(localServer(properties.getLocal()));
    } else if (properties.getBaseUrl() != null) {
      builder.baseUrl(properties.getBaseUrl());
    }
    if (properties.getBrowserbaseApiKey() != null) {
      builder.browserbaseApiKey(properties.getBrowserbaseApiKey());
    }
    if (properties.getBrowserbaseProjectId() != null) {
      builder.browserbaseProjectId(properties.getBrowserbaseProjectId());
    }
    if (properties.getModelApiKey() != null) {
      builder.modelApiKey(properties.getModelApiKey());
    }
    if (properties.getTimeout() != null) {
      builder.timeout(properties.getTimeout());
    }
    return builder;
  }

  /** The local server of {@code stagehand.local.*}, whose {@code server} the properties' check made sure is set. */
  static LocalServer localServer(StagehandProperties.Local local) {
    LocalServer.Builder server = LocalServer.builder()
        .server(local.getServer())
        .headless(local.isHeadless())
        .port(local.getPort())
        .readyTimeout(local.getReadyTimeout());
    if (local.getNode() != null) {
      server.node(local.getNode());
    }
    if (local.getChromePath() != null) {
      server.chromePath(local.getChromePath());
    }
    local.getEnvironment().forEach(server::putEnvironment);
    return server.build();
  }
}
