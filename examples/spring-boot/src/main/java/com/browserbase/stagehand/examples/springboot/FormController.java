package com.browserbase.stagehand.examples.springboot;

import com.browserbase.stagehand.client.StagehandClient;
import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.SessionStartParams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /forms/submit} with {@code {"url": ..., "name": ...}}: opens a browser session, types the name into the
 * page's Name field, clicks Submit and returns what the page then says. The two acts go through the action cache the
 * starter configured: the first request asks the model, later ones on the same page replay with no model call.
 */
@RestController
public class FormController {
  private final StagehandClient stagehand;
  private final String modelName;

  /** The client is the starter's bean, one for the whole application. */
  public FormController(StagehandClient stagehand, @Value("${demo.model-name:openai/gpt-4o-mini}") String modelName) {
    this.stagehand = stagehand;
    this.modelName = modelName;
  }

  /** Fills and submits the form at {@code form.url()}. */
  @PostMapping("/forms/submit")
  public Submitted submit(@RequestBody Form form) {
    try (StagehandSession session = stagehand.sessions().open(SessionStartParams.builder().modelName(modelName).build())) {
      session.navigate(form.url());
      // %name% is a variable: its value never reaches the model, the cache key or the logs.
      session.act("type '%name%' into the Name field", ActOptions.builder().putVariable("name", form.name()).build());
      session.act("click the Submit button");
      return new Submitted(session.id(), session.extract("the text of the result line below the form", String.class));
    }
  }

  /** What to submit. */
  public record Form(String url, String name) {}

  /** The session that did it, and the page's answer. */
  public record Submitted(String sessionId, String result) {}
}
