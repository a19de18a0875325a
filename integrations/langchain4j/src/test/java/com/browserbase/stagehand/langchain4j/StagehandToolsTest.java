package com.browserbase.stagehand.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.e2e.MockStagehandApi;
import com.browserbase.stagehand.tools.StagehandToolkit;
import com.browserbase.stagehand.tools.ToolDescriptions;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.agent.tool.ToolSpecifications;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What LangChain4j makes of the annotations, and a call through LangChain4j's own executor to the API. */
class StagehandToolsTest {
  @RegisterExtension final MockStagehandApi api = new MockStagehandApi();

  private static Map<String, ToolSpecification> specifications(Object tools) {
    return ToolSpecifications.toolSpecificationsFrom(tools).stream()
        .collect(Collectors.toMap(ToolSpecification::name, Function.identity()));
  }

  private static String execute(Object tools, String name, String arguments) {
    ToolExecutionRequest request = ToolExecutionRequest.builder().id("call-1").name(name).arguments(arguments).build();
    return new DefaultToolExecutor(tools, request).execute(request, "memory");
  }

  @Test
  void theModelSeesFiveToolsWithTheSharedDescriptions() {
    Map<String, ToolSpecification> tools = specifications(new StagehandTools(api.open()));

    assertThat(tools).containsOnlyKeys("navigate", "act", "observe", "extract", "pageText");
    assertThat(tools.get("navigate").description()).isEqualTo(ToolDescriptions.NAVIGATE);
    assertThat(tools.get("act").description()).isEqualTo(ToolDescriptions.ACT);
    assertThat(tools.get("observe").description()).isEqualTo(ToolDescriptions.OBSERVE);
    assertThat(tools.get("extract").description()).isEqualTo(ToolDescriptions.EXTRACT);
    assertThat(tools.get("pageText").description()).isEqualTo(ToolDescriptions.PAGE_TEXT);
    assertParameter(tools.get("navigate"), "url", ToolDescriptions.NAVIGATE_URL, true);
    assertParameter(tools.get("act"), "instruction", ToolDescriptions.ACT_INSTRUCTION, true);
    assertParameter(tools.get("observe"), "instruction", ToolDescriptions.OBSERVE_INSTRUCTION, false);
    assertParameter(tools.get("extract"), "instruction", ToolDescriptions.EXTRACT_INSTRUCTION, true);
    JsonObjectSchema none = tools.get("pageText").parameters();
    assertThat(none == null || none.properties().isEmpty()).isTrue();
  }

  private static void assertParameter(ToolSpecification tool, String name, String description, boolean required) {
    JsonObjectSchema parameters = tool.parameters();
    assertThat(parameters.properties()).containsOnlyKeys(name);
    assertThat(parameters.properties().get(name)).isInstanceOf(JsonStringSchema.class);
    assertThat(((JsonStringSchema) parameters.properties().get(name)).description()).isEqualTo(description);
    if (required) {
      assertThat(parameters.required()).containsExactly(name);
    } else {
      assertThat(parameters.required()).doesNotContain(name);
    }
  }

  @Test
  void aToolCallFromTheModelReachesTheApiAndItsTextComesBack() {
    StagehandTools tools = new StagehandTools(api.open());
    api.answer("{\"success\":true,\"data\":{\"result\":{\"success\":true,\"message\":\"Clicked\","
        + "\"actionDescription\":\"click\",\"actions\":[{\"selector\":\"xpath=/b\",\"description\":\"button Submit\","
        + "\"method\":\"click\"}]}}}");
    api.answer("{\"success\":true,\"data\":{\"result\":[{\"selector\":\"xpath=/b\",\"description\":\"button Submit\"}]}}");
    api.answer("{\"success\":true,\"data\":{\"result\":{\"pageText\":\"Submitted: Ada\"}}}");
    api.answer("{\"success\":true,\"data\":{\"result\":{\"extraction\":\"Ada\"}}}");
    api.answer("{\"success\":true,\"data\":{\"result\":{\"response\":{\"status\":200}}}}");

    assertThat(execute(tools, "act", "{\"instruction\":\"click the Submit button\"}"))
        .isEqualTo("Done: Clicked\n- button Submit (click)");
    assertThat(api.takeBody().path("input").asText()).isEqualTo("click the Submit button");
    assertThat(execute(tools, "observe", "{}")).isEqualTo(
        "Found 1 action (pass a description to act to perform it):\n1. button Submit");
    assertThat(api.takeBody().has("instruction")).isFalse();
    assertThat(execute(tools, "pageText", "{}")).isEqualTo("Submitted: Ada");
    api.take();
    assertThat(execute(tools, "extract", "{\"instruction\":\"the name\"}")).isEqualTo("Ada");
    assertThat(api.takeBody().path("instruction").asText()).isEqualTo("the name");
    assertThat(execute(tools, "navigate", "{\"url\":\"https://example.com\"}")).isEqualTo("Opened https://example.com (HTTP 200).");
    assertThat(api.takeBody().path("url").asText()).isEqualTo("https://example.com");
  }

  @Test
  void aFailureIsAResultForTheModelNotAnException() {
    StagehandTools tools = new StagehandTools(api.open());
    api.answer(500, "{\"success\":false,\"error\":\"-32000 Cannot navigate to invalid URL\"}");

    assertThat(execute(tools, "navigate", "{\"url\":\"not a url\"}"))
        .startsWith("ERROR: navigate failed in the browser service (500 Internal Server Error: -32000 Cannot navigate");
  }

  @Test
  void theToolkitGivenSetsTheBound() {
    StagehandTools tools = new StagehandTools(StagehandToolkit.builder(api.open()).maxResultChars(300).build());
    StringBuilder page = new StringBuilder();
    while (page.length() < 5_000) {
      page.append("word ");
    }
    api.answer("{\"success\":true,\"data\":{\"result\":{\"pageText\":\"" + page + "\"}}}");

    String result = execute(tools, "pageText", "{}");

    assertThat(result).hasSize(300).contains("\n[truncated: ");
    assertThat(tools.toolkit().maxResultChars()).isEqualTo(300);
    assertThat(tools).hasToString("StagehandTools{session=s-1}");
    assertThatThrownBy(() -> new StagehandTools((StagehandToolkit) null)).isInstanceOf(NullPointerException.class);
  }
}
