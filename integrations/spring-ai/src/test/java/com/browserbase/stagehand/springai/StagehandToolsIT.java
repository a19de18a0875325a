package com.browserbase.stagehand.springai;

import static org.assertj.core.api.Assertions.assertThat;

import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.e2e.RealStagehand;
import com.browserbase.stagehand.e2e.ScriptedChatModel;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.ai.chat.client.ChatClient;

/**
 * A Spring AI agent with a browser, end to end: a {@code ChatClient} on Spring AI's OpenAI chat model, pointed at a
 * scripted OpenAI-compatible server (the agent's model: which tool to call, then the answer), with the tools
 * running against the real Stagehand server and Chromium (whose own model calls go to the e2e kit's fake model).
 */
@ExtendWith(RealStagehand.class)
@Timeout(180)
class StagehandToolsIT {
  @Test
  void anAgentFillsTheFormReadsTheResultAndGoesOnAfterAnActionThatWasNotDone(RealStagehand.Stack stack)
      throws Exception {
    try (ScriptedChatModel scripted = new ScriptedChatModel()
            .thenCall("navigate", "{\"url\":\"" + stack.page.url() + "\"}")
            .thenCall("act", "{\"instruction\":\"open the help link\"}")
            .thenCall("act", "{\"instruction\":\"type 'Grace' into the Name field\"}")
            .thenCall("act", "{\"instruction\":\"click the Submit button\"}")
            .thenCall("extract", "{\"instruction\":\"the result line below the form\"}")
            .thenAnswer(request -> "The form now says: " + request.lastToolResult());
         StagehandSession session = stack.client.sessions().open(
             SessionStartParams.builder().modelName("openai/gpt-4o-mini").build())) {
      ChatClient chat = ChatClient.builder(ChatModels.openAi(scripted.baseUrl())).build();

      String answer = chat.prompt()
          .user("Submit the name Grace on the test form and tell me what the page says.")
          .tools(new StagehandTools(session))
          .call()
          .content();

      assertThat(answer).isEqualTo("The form now says: Submitted: Grace");
      assertThat(session.extract().path("pageText").asText()).contains("Submitted: Grace");
      List<ScriptedChatModel.Request> requests = scripted.requests();
      assertThat(requests).hasSize(6);
      assertThat(requests.get(0).toolNames()).containsExactlyInAnyOrder("navigate", "act", "observe", "extract", "pageText");
      assertThat(requests.get(1).lastToolResult()).isEqualTo("Opened " + stack.page.url() + " (HTTP 200).");
      // The action that was not done reached the model as a tool result, as plain text, and the run went on.
      assertThat(requests.get(2).lastToolResult()).startsWith("FAILED: the action was not done: ")
          .contains("Call observe or pageText");
      assertThat(requests.get(3).lastToolResult()).startsWith("Done: ").contains("fill");
      assertThat(requests.get(4).lastToolResult()).startsWith("Done: ").contains("click");
      assertThat(requests.get(5).lastToolResult()).isEqualTo("Submitted: Grace");
    }
  }

  @Test
  void aToolErrorReachesTheModelAndTheAgentAnswersWithWhatItHas(RealStagehand.Stack stack) throws Exception {
    try (ScriptedChatModel scripted = new ScriptedChatModel()
            .thenCall("navigate", "{\"url\":\"not a url at all\"}")
            .thenCall("pageText", "{}")
            .thenAnswer(request -> "I could not open it: " + request.toolResults().get(0));
         StagehandSession session = stack.client.sessions().open(
             SessionStartParams.builder().modelName("openai/gpt-4o-mini").build())) {
      ChatClient chat = ChatClient.builder(ChatModels.openAi(scripted.baseUrl()))
          .defaultTools(new StagehandTools(session))
          .build();

      String answer = chat.prompt().user("Open the page 'not a url at all'.").call().content();

      List<ScriptedChatModel.Request> requests = scripted.requests();
      assertThat(requests).hasSize(3);
      assertThat(requests.get(1).lastToolResult())
          .startsWith("ERROR: navigate failed in the browser service (500 Internal Server Error: ")
          .contains("Cannot navigate to invalid URL");
      assertThat(answer).startsWith("I could not open it: ERROR: navigate failed");
    }
  }
}
