package com.browserbase.stagehand.springai;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.ai.retry.RetryUtils;

/** Spring AI 1.x: an OpenAI chat model (on Spring's RestClient) at a base URL of the tests' own. */
final class ChatModels {
  private ChatModels() {}

  /** {@code baseUrl} ends in {@code /v1}; Spring AI 1.x adds {@code /v1/chat/completions} itself. */
  static ChatModel openAi(String baseUrl) {
    return OpenAiChatModel.builder()
        .openAiApi(OpenAiApi.builder().baseUrl(baseUrl.replaceAll("/v1$", "")).apiKey("sk-scripted").build())
        .defaultOptions(OpenAiChatOptions.builder().model("gpt-4o-mini").build())
        .retryTemplate(RetryUtils.SHORT_RETRY_TEMPLATE)
        .build();
  }
}
