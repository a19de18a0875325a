package com.browserbase.stagehand.examples.langchain4j;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.langchain4j.StagehandTools;
import com.browserbase.stagehand.local.LocalServer;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.tools.StagehandToolkit;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.SystemMessage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;

/**
 * A LangChain4j agent with a browser, in local mode: the client starts the Stagehand server on this machine with a
 * local Chromium, and an {@code AiServices} assistant gets the session as tools ({@link StagehandTools}). It signs
 * up on a small page and says what the page answered.
 *
 * <p>With {@code OPENAI_API_KEY} (or {@code MODEL_API_KEY}) set, an OpenAI model runs the agent ({@code
 * OPENAI_MODEL}, default {@code gpt-4o-mini}) and the same key serves the Stagehand server's own model calls.
 * Without a key it says so, and calls the tools itself to show what a model would read.
 *
 * <p>Needs Chromium ({@code CHROME_PATH} when it is not on the PATH) and the Stagehand server: {@code
 * STAGEHAND_SEA_BINARY} (a single-file binary, or a {@code stagehand-server-v3.mjs} run with Node.js), else {@code
 * ../shared/stagehand-server/stagehand-server-v3.mjs} beside the repository. Run from the repository's root:
 * {@code ./mvnw -q -f all -pl :stagehand-java-langchain4j -am -Plangchain4j-example verify -DskipUnitTests}.
 */
public final class AgentToolsExample {
  private AgentToolsExample() {}

  /** The agent: LangChain4j implements it, calling the browser tools as the model decides. */
  interface Assistant {
    @SystemMessage("You use a web browser through tools. Work one small step at a time, check the page after "
        + "acting, and answer briefly.")
    String chat(String task);
  }

  public static void main(String[] args) throws Exception {
    String key = firstSet(System.getenv("OPENAI_API_KEY"), System.getenv("MODEL_API_KEY"));
    LocalServer.Builder server = LocalServer.builder().server(stagehandServer());
    String chrome = System.getenv("CHROME_PATH");
    if (chrome != null && !chrome.trim().isEmpty()) {
      server.chromePath(Paths.get(chrome));
    }
    Path page = Files.createTempFile("stagehand-agent-example", ".html");
    Files.write(page, ("<!doctype html><title>Sign up</title><h1>Join the newsletter</h1>"
        + "<form id=f><label for=name>Name</label> <input id=name> <button>Sign up</button></form>"
        + "<p id=result>Not signed up yet</p><script>f.onsubmit = e => { e.preventDefault();"
        + " result.textContent = 'Welcome, ' + document.getElementById('name').value + '! Your code is J-4711.'; }"
        + "</script>").getBytes(StandardCharsets.UTF_8));
    String url = page.toUri().toString();

    StagehandOkHttpClient.Builder client = StagehandOkHttpClient.builder().fromEnv().localServer(server.build());
    if (key != null) {
      client.modelApiKey(key);
    }
    try (StagehandClient stagehand = client.build();
         StagehandSession session = stagehand.sessions().open(
             SessionStartParams.builder().modelName("openai/gpt-4o-mini").build())) {
      StagehandToolkit toolkit = StagehandToolkit.builder(session)
          .maxResultChars(4_000)                       // what one tool result may cost the model, at most
          .timeout(Duration.ofMinutes(2))              // a slower call comes back as an ERROR result
          .build();
      StagehandTools tools = new StagehandTools(toolkit);

      if (key == null) {
        System.out.println("OPENAI_API_KEY (or MODEL_API_KEY) is not set, so no model runs the agent. These are the "
            + "tools' answers a model would read:");
        System.out.println("navigate -> " + tools.navigate(url));
        System.out.println("pageText -> " + tools.pageText());
        System.out.println("act      -> " + tools.act("type 'Ada' into the Name field"));
        System.out.println("(act asks the Stagehand server's model, which needs the key too: without it, the ERROR "
            + "above is what the agent's model would read, and could act on. Set a key to see the agent sign up.)");
        return;
      }

      Assistant assistant = AiServices.builder(Assistant.class)
          .chatModel(OpenAiChatModel.builder()
              .apiKey(key)
              .modelName(firstSet(System.getenv("OPENAI_MODEL"), "gpt-4o-mini"))
              .build())
          .tools(tools)
          .build();
      String answer = assistant.chat("Open " + url + ", sign up with the name Ada, and tell me the code the page gives.");
      System.out.println("Agent: " + answer);
      System.out.println("The page, read without a model: " + tools.pageText().replace('\n', ' '));
    } finally {
      Files.deleteIfExists(page);
    }
  }

  private static String firstSet(String... values) {
    for (String value : values) {
      if (value != null && !value.trim().isEmpty()) {
        return value.trim();
      }
    }
    return null;
  }

  private static Path stagehandServer() {
    String binary = System.getenv("STAGEHAND_SEA_BINARY");
    if (binary != null && !binary.trim().isEmpty()) {
      return Paths.get(binary);
    }
    for (Path dir = Paths.get("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path shared = dir.resolve("../shared/stagehand-server/stagehand-server-v3.mjs").normalize();
      if (Files.isRegularFile(shared)) {
        return shared;
      }
    }
    throw new IllegalStateException("Set STAGEHAND_SEA_BINARY to the Stagehand server (README, \"Local mode\")");
  }
}
