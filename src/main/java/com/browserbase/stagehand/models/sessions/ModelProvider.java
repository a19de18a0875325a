package com.browserbase.stagehand.models.sessions;

import com.browserbase.stagehand.core.OpenEnum;
import com.browserbase.stagehand.internal.Checks;
import com.fasterxml.jackson.annotation.JsonCreator;

import java.util.Map;

/**
 * An AI provider a model belongs to. An open enumeration: {@link #of(String)} accepts values this
 * SDK version does not know.
 */
public final class ModelProvider extends OpenEnum {
  /** {@code openai} */
  public static final ModelProvider OPENAI = new ModelProvider("openai", true);
  /** {@code anthropic} */
  public static final ModelProvider ANTHROPIC = new ModelProvider("anthropic", true);
  /** {@code google} */
  public static final ModelProvider GOOGLE = new ModelProvider("google", true);
  /** {@code microsoft} */
  public static final ModelProvider MICROSOFT = new ModelProvider("microsoft", true);
  /** {@code bedrock} */
  public static final ModelProvider BEDROCK = new ModelProvider("bedrock", true);
  /** {@code vertex} */
  public static final ModelProvider VERTEX = new ModelProvider("vertex", true);
  /** {@code azure} */
  public static final ModelProvider AZURE = new ModelProvider("azure", true);

  private static final Map<String, ModelProvider> KNOWN =
      index(OPENAI, ANTHROPIC, GOOGLE, MICROSOFT, BEDROCK, VERTEX, AZURE);

  private ModelProvider(String value, boolean known) {
    super(value, known);
  }

  /** The constant for {@code value}, or a new value this SDK version does not know. */
  @JsonCreator
  public static ModelProvider of(String value) {
    ModelProvider constant = KNOWN.get(Checks.notNull(value, "value"));
    return constant != null ? constant : new ModelProvider(value, false);
  }
}
