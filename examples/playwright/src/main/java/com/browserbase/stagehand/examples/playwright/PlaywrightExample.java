package com.browserbase.stagehand.examples.playwright;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandOkHttpClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.local.LocalServer;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import com.browserbase.stagehand.playwright.StagehandPlaywright;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

/**
 * Playwright and Stagehand on the same page, in local mode: the client starts the Stagehand server on
 * this machine with a local Chromium; Playwright attaches to that Chromium; Playwright types into a form,
 * Stagehand reads the page and submits it, Playwright checks the result; a second tab is driven through
 * its own view.
 *
 * <p>Needs Node.js 18+ on the PATH (Playwright's driver runs on it), Chromium ({@code CHROME_PATH} when it
 * is not on the PATH), and the Stagehand server: {@code STAGEHAND_SEA_BINARY} (a single-file binary, or a
 * {@code stagehand-server-v3.mjs} run with Node.js), else {@code ../shared/stagehand-server/stagehand-server-v3.mjs}
 * beside the repository. With {@code MODEL_API_KEY} it also asks the model to {@code act} in words.
 *
 * <p>Run from the repository's root: {@code ./mvnw -q -f all -pl :stagehand-java-playwright -am
 * -Pplaywright-example verify -DskipUnitTests}.
 */
public final class PlaywrightExample {
  private PlaywrightExample() {}

  public static void main(String[] args) throws Exception {
    LocalServer.Builder server = LocalServer.builder().server(stagehandServer());
    String chrome = System.getenv("CHROME_PATH");
    if (chrome != null && !chrome.trim().isEmpty()) {
      server.chromePath(Paths.get(chrome));
    }
    boolean withModel = System.getenv("MODEL_API_KEY") != null;
    Path page = Files.createTempFile("stagehand-playwright-example", ".html");
    Files.write(page, ("<!doctype html><title>Sign up</title><form id=f><label for=name>Name</label>"
        + " <input id=name> <button>Sign up</button></form><p id=result>Not signed up</p>"
        + "<script>f.onsubmit = e => { e.preventDefault();"
        + " result.textContent = 'Welcome, ' + document.getElementById('name').value; }</script>").getBytes("UTF-8"));

    try (StagehandClient client = StagehandOkHttpClient.builder().fromEnv().localServer(server.build()).build();
         StagehandSession session = client.sessions().open(
             SessionStartParams.builder().modelName("openai/gpt-5-nano").build());
         StagehandPlaywright pw = StagehandPlaywright.connect(session)) {
      // Plain Playwright on the session's own tab.
      Page tab = pw.page();
      tab.navigate(page.toUri().toString());
      tab.fill("#name", "Ada");

      // Stagehand on that same tab: observe needs the model; without one, extract() reads the page's text.
      if (withModel) {
        List<Action> found = pw.on(tab).observe("find the sign-up button");
        System.out.println("observe: " + found);
        pw.on(tab).act("click the sign-up button");
      } else {
        System.out.println("Page text, as Stagehand reads it:\n" + pw.on(tab).extract().path("pageText").asText());
        tab.click("button"); // set MODEL_API_KEY to let the model click
      }
      System.out.println("Result line, read with Playwright: " + tab.textContent("#result"));

      // A second tab: the server works on the newest tab unless a call names one, so name them.
      Page second = pw.context().newPage();
      pw.on(second).navigate(page.toUri().toString());
      System.out.println("Second tab: " + pw.on(second).extract().path("pageText").asText().trim().split("\n")[0]);
      System.out.println("First tab still says: " + tab.textContent("#result"));
    } finally {
      Files.deleteIfExists(page);
    }
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
