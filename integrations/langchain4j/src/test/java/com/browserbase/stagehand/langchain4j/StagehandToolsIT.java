package com.browserbase.stagehand.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.e2e.RealStagehand;
import com.browserbase.stagehand.e2e.ScriptedChatModel;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A LangChain4j agent with a browser, end to end: {@code AiServices} on LangChain4j's OpenAI chat model, pointed at
 * a scripted OpenAI-compatible server (the agent's model: which tool to call, then the answer), with the tools
 * running against the real Stagehand server and Chromium (whose own model calls go to the e2e kit's fake model).
 */
@ExtendWith(RealStagehand.class)
@Timeout(180)
class StagehandToolsIT {
  interface Assistant {
    String chat(String message);
  }

  private static ChatModel chatModel(ScriptedChatModel scripted) {
    return OpenAiChatModel.builder().baseUrl(scripted.baseUrl()).apiKey("sk-scripted").modelName("gpt-4o-mini")
        .maxRetries(0).build();
  }

  @Test
  void anAgentFillsTheFormReadsTheResultAndGoesOnAfterAToolError(RealStagehand.Stack stack) throws Exception {
    try (ScriptedChatModel scripted = new ScriptedChatModel()
            .thenCall("navigate", "{\"url\":\"not a url at all\"}")
            .thenCall("navigate", "{\"url\":\"" + stack.page.url() + "\"}")
            .thenCall("act", "{\"instruction\":\"type 'Ada' into the Name field\"}")
            .thenCall("act", "{\"instruction\":\"click the Submit button\"}")
            .thenCall("extract", "{\"instruction\":\"the result line below the form\"}")
            .thenAnswer(request -> "The form now says: " + request.lastToolResult());
         StagehandSession session = stack.client.sessions().open(
             SessionStartParams.builder().modelName("openai/gpt-4o-mini").build())) {
      Assistant assistant = AiServices.builder(Assistant.class)
          .chatModel(chatModel(scripted))
          .tools(new StagehandTools(session))
          .build();

      String answer = assistant.chat("Submit the name Ada on the test form and tell me what the page says.");

      assertThat(answer).isEqualTo("The form now says: Submitted: Ada");
      assertThat(session.extract().path("pageText").asText()).contains("Submitted: Ada");
      List<ScriptedChatModel.Request> requests = scripted.requests();
      assertThat(requests).hasSize(6);
      assertThat(requests.get(0).toolNames()).containsExactlyInAnyOrder("navigate", "act", "observe", "extract", "pageText");
      // The failed navigation reached the model as a tool result, and the run went on.
      assertThat(requests.get(1).lastToolResult())
          .startsWith("ERROR: navigate failed in the browser service (500 Internal Server Error: ")
          .contains("Cannot navigate to invalid URL");
      assertThat(requests.get(2).lastToolResult()).isEqualTo("Opened " + stack.page.url() + " (HTTP 200).");
      assertThat(requests.get(3).lastToolResult()).startsWith("Done: ").contains("fill");
      assertThat(requests.get(4).lastToolResult()).startsWith("Done: ").contains("click");
      assertThat(requests.get(5).lastToolResult()).isEqualTo("Submitted: Ada");
    }
  }

  @Test
  void anActionThatWasNotDoneReachesTheModelAndTheAgentObservesInstead(RealStagehand.Stack stack) throws Exception {
    try (ScriptedChatModel scripted = new ScriptedChatModel()
            .thenCall("navigate", "{\"url\":\"" + stack.page.url() + "\"}")
            .thenCall("act", "{\"instruction\":\"open the help link\"}")
            .thenCall("observe", "{}")
            .thenCall("pageText", "{}")
            .thenAnswer(request -> "There is no help link. " + request.toolResults().get(2));
         StagehandSession session = stack.client.sessions().open(
             SessionStartParams.builder().modelName("openai/gpt-4o-mini").build())) {
      Assistant assistant = AiServices.builder(Assistant.class)
          .chatModel(chatModel(scripted))
          .tools(new StagehandTools(session))
          .build();

      String answer = assistant.chat("Open the help page of the test form.");

      List<ScriptedChatModel.Request> requests = scripted.requests();
      assertThat(requests).hasSize(5);
      assertThat(requests.get(2).lastToolResult()).startsWith("FAILED: the action was not done: ");
      assertThat(requests.get(3).lastToolResult()).startsWith("Found 1 action").contains("Submit (click)");
      assertThat(requests.get(4).lastToolResult()).contains("Nothing submitted");
      assertThat(answer).startsWith("There is no help link. Found 1 action");
    }
  }
}
