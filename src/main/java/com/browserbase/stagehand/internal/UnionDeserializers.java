package com.browserbase.stagehand.internal;

import com.browserbase.stagehand.models.sessions.AzureEntraIdAuth;
import com.browserbase.stagehand.models.sessions.AzureModelProviderOptions;
import com.browserbase.stagehand.models.sessions.BrowserbaseProxyConfig;
import com.browserbase.stagehand.models.sessions.ExternalProxyConfig;
import com.browserbase.stagehand.models.sessions.GoogleServiceAccountAuth;
import com.browserbase.stagehand.models.sessions.ModelAuth;
import com.browserbase.stagehand.models.sessions.ModelProviderOptions;
import com.browserbase.stagehand.models.sessions.ProxyConfig;
import com.browserbase.stagehand.models.sessions.VertexModelProviderOptions;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/** Reads the request-side union interfaces by their discriminator. Not API. */
public final class UnionDeserializers {
  private UnionDeserializers() {}

  private abstract static class ByNode<T> extends StdDeserializer<T> {
    private static final long serialVersionUID = 1L;

    ByNode(Class<T> type) {
      super(type);
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = p.readValueAsTree();
      Class<? extends T> type = choose(node);
      if (type == null) {
        return ctxt.reportInputMismatch(this, "Unknown form of %s: %s", handledType().getSimpleName(), node);
      }
      return p.getCodec().treeToValue(node, type);
    }

    abstract Class<? extends T> choose(JsonNode node);
  }

  /** {@link ModelAuth} by {@code type}. */
  public static final class ModelAuthDeserializer extends ByNode<ModelAuth> {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer. */
    public ModelAuthDeserializer() {
      super(ModelAuth.class);
    }

    @Override
    Class<? extends ModelAuth> choose(JsonNode node) {
      String type = node.path("type").asText();
      return "googleServiceAccount".equals(type) ? GoogleServiceAccountAuth.class
          : "azureEntraId".equals(type) ? AzureEntraIdAuth.class
          : null;
    }
  }

  /** {@link ProxyConfig} by {@code type}. */
  public static final class ProxyConfigDeserializer extends ByNode<ProxyConfig> {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer. */
    public ProxyConfigDeserializer() {
      super(ProxyConfig.class);
    }

    @Override
    Class<? extends ProxyConfig> choose(JsonNode node) {
      String type = node.path("type").asText();
      return "browserbase".equals(type) ? BrowserbaseProxyConfig.class
          : "external".equals(type) ? ExternalProxyConfig.class
          : null;
    }
  }

  /** {@link ModelProviderOptions} by its key, {@code vertex} or {@code azure}. */
  public static final class ModelProviderOptionsDeserializer extends ByNode<ModelProviderOptions> {
    private static final long serialVersionUID = 1L;

    /** Creates the deserializer. */
    public ModelProviderOptionsDeserializer() {
      super(ModelProviderOptions.class);
    }

    @Override
    Class<? extends ModelProviderOptions> choose(JsonNode node) {
      return node.has("vertex") ? VertexModelProviderOptions.class
          : node.has("azure") ? AzureModelProviderOptions.class
          : null;
    }
  }
}
