package com.browserbase.stagehand.examples;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.models.sessions.AgentAction;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.AgentResultData;
import com.browserbase.stagehand.models.sessions.AgentUsage;
import com.browserbase.stagehand.models.sessions.SessionEndParams;
import com.browserbase.stagehand.models.sessions.SessionExecuteAgentParams;
import com.browserbase.stagehand.models.sessions.SessionNavigateParams;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.services.SessionService;

/**
 * Give an agent a task in words and let it work through the page on its own, step by step
 * ({@code executeAgent}). An agent can take minutes: the SDK's default timeout for this call is 30
 * minutes (change it per call with {@code RequestOptions}).
 *
 * <p>Run: {@code ./mvnw -q -Pexamples -Dexample=AgentExample}.
 */
public final class AgentExample {
  private AgentExample() {}

  public static void main(String[] args) {
    try (StagehandClient client = ExampleClient.create()) { // in your code: StagehandOkHttpClient.fromEnv()
      SessionService sessions = client.sessions();
      String id = sessions.start(SessionStartParams.builder().modelName("openai/gpt-5-nano").build())
          .data().sessionId();
      try {
        sessions.navigate(SessionNavigateParams.builder().id(id).url("https://example.com").build());

        AgentResultData result = sessions.executeAgent(SessionExecuteAgentParams.builder()
            .id(id)
            // How the agent works: which model, and which tools (DOM, HYBRID, or CUA for computer use).
            .agentConfig(AgentConfig.builder()
                .model("openai/gpt-5-nano")
                .mode(AgentConfig.Mode.DOM)
                .build())
            // What it should do, and a limit on the number of steps it may take.
            .executeOptions(AgentExecuteOptions.builder()
                .instruction("Follow the link to more information and tell me what example domains are for")
                .maxSteps(10)
                .build())
            .build()).data().result();

        System.out.println("Agent " + (result.completed() ? "completed" : "did not complete") + " the task"
            + (result.success() ? "" : " (unsuccessfully)") + ":");
        System.out.println("  " + result.message());

        System.out.println("Steps:");
        int step = 1;
        for (AgentAction action : result.actions()) {
          System.out.println("  " + step++ + ". " + action.type() + " - " + action.reasoning().orElse("")
              + action.pageUrl().map(url -> " (" + url + ")").orElse(""));
        }

        // Usage is optional: not every server reports it.
        if (result.usage().isPresent()) {
          AgentUsage usage = result.usage().get();
          System.out.println("Usage: " + usage.inputTokens() + " input tokens ("
              + usage.cachedInputTokens().orElse(0L) + " cached), " + usage.outputTokens() + " output tokens, "
              + usage.reasoningTokens().orElse(0L) + " reasoning tokens, "
              + Math.round(usage.inferenceTimeMs()) + " ms of inference");
        }
      } finally {
        sessions.end(SessionEndParams.builder().id(id).build());
        System.out.println("Ended session " + id);
      }
    }
  }
}
