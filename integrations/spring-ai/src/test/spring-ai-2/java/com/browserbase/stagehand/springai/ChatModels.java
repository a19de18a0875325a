package com.browserbase.stagehand.springai;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

/** Spring AI 2.x: an OpenAI chat model (on the OpenAI Java SDK) at a base URL of the tests' own. */
final class ChatModels {
  private ChatModels() {}

  /** {@code baseUrl} ends in {@code /v1}, as the OpenAI Java SDK expects. */
  static ChatModel openAi(String baseUrl) {
    return OpenAiChatModel.builder()
        .options(OpenAiChatOptions.builder().baseUrl(baseUrl).apiKey("sk-scripted").model("gpt-4o-mini").maxRetries(0).build())
        .build();
  }
}
