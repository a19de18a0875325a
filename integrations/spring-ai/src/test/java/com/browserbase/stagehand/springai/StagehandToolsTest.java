package com.browserbase.stagehand.springai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.e2e.MockStagehandApi;
import com.browserbase.stagehand.tools.StagehandToolkit;
import com.browserbase.stagehand.tools.ToolDescriptions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.ToolCallbackProvider;

/** What Spring AI makes of the annotations, and calls through Spring AI's own callbacks to the API. */
class StagehandToolsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  @RegisterExtension final MockStagehandApi api = new MockStagehandApi();

  private static Map<String, ToolCallback> callbacks(StagehandTools tools) {
    return Arrays.stream(tools.toolCallbacks())
        .collect(Collectors.toMap(c -> c.getToolDefinition().name(), Function.identity()));
  }

  private static JsonNode schema(ToolCallback callback) throws IOException {
    return JSON.readTree(callback.getToolDefinition().inputSchema());
  }

  @Test
  void theModelSeesFiveToolsWithTheSharedDescriptions() throws IOException {
    Map<String, ToolCallback> tools = callbacks(new StagehandTools(api.open()));

    assertThat(tools).containsOnlyKeys("navigate", "act", "observe", "extract", "pageText");
    assertThat(tools.get("navigate").getToolDefinition().description()).isEqualTo(ToolDescriptions.NAVIGATE);
    assertThat(tools.get("act").getToolDefinition().description()).isEqualTo(ToolDescriptions.ACT);
    assertThat(tools.get("observe").getToolDefinition().description()).isEqualTo(ToolDescriptions.OBSERVE);
    assertThat(tools.get("extract").getToolDefinition().description()).isEqualTo(ToolDescriptions.EXTRACT);
    assertThat(tools.get("pageText").getToolDefinition().description()).isEqualTo(ToolDescriptions.PAGE_TEXT);
    assertParameter(tools.get("navigate"), "url", ToolDescriptions.NAVIGATE_URL, true);
    assertParameter(tools.get("act"), "instruction", ToolDescriptions.ACT_INSTRUCTION, true);
    assertParameter(tools.get("observe"), "instruction", ToolDescriptions.OBSERVE_INSTRUCTION, false);
    assertParameter(tools.get("extract"), "instruction", ToolDescriptions.EXTRACT_INSTRUCTION, true);
    assertThat(schema(tools.get("pageText")).path("properties").size()).isZero();
  }

  private static void assertParameter(ToolCallback tool, String name, String description, boolean required)
      throws IOException {
    JsonNode schema = schema(tool);
    assertThat(schema.path("properties").size()).isEqualTo(1);
    assertThat(schema.path("properties").path(name).path("type").asText()).isEqualTo("string");
    assertThat(schema.path("properties").path(name).path("description").asText()).isEqualTo(description);
    List<String> requiredNames = new ArrayList<>();
    schema.path("required").forEach(n -> requiredNames.add(n.asText()));
    if (required) {
      assertThat(requiredNames).containsExactly(name);
    } else {
      assertThat(requiredNames).doesNotContain(name);
    }
  }

  @Test
  void aToolCallFromTheModelReachesTheApiAndItsTextComesBackAsItIs() {
    Map<String, ToolCallback> tools = callbacks(new StagehandTools(api.open()));
    api.answer("{\"success\":true,\"data\":{\"result\":{\"success\":true,\"message\":\"Clicked\","
        + "\"actionDescription\":\"click\",\"actions\":[{\"selector\":\"xpath=/b\",\"description\":\"button \\\"Submit\\\"\","
        + "\"method\":\"click\"}]}}}");
    api.answer("{\"success\":true,\"data\":{\"result\":[{\"selector\":\"xpath=/b\",\"description\":\"button Submit\"}]}}");
    api.answer("{\"success\":true,\"data\":{\"result\":{\"pageText\":\"Submitted: Ada\"}}}");
    api.answer("{\"success\":true,\"data\":{\"result\":{\"extraction\":\"Ada\"}}}");
    api.answer("{\"success\":true,\"data\":{\"result\":{\"response\":{\"status\":200}}}}");

    assertThat(tools.get("act").call("{\"instruction\":\"click the Submit button\"}"))
        .isEqualTo("Done: Clicked\n- button \"Submit\" (click)");
    assertThat(api.takeBody().path("input").asText()).isEqualTo("click the Submit button");
    assertThat(tools.get("observe").call("{}")).isEqualTo(
        "Found 1 action (pass a description to act to perform it):\n1. button Submit");
    assertThat(api.takeBody().has("instruction")).isFalse();
    assertThat(tools.get("pageText").call("{}")).isEqualTo("Submitted: Ada");
    api.take();
    assertThat(tools.get("extract").call("{\"instruction\":\"the name\"}")).isEqualTo("Ada");
    assertThat(api.takeBody().path("instruction").asText()).isEqualTo("the name");
    assertThat(tools.get("navigate").call("{\"url\":\"https://example.com\"}")).isEqualTo("Opened https://example.com (HTTP 200).");
    assertThat(api.takeBody().path("url").asText()).isEqualTo("https://example.com");
  }

  @Test
  void aFailureIsAResultForTheModelNotAnException() {
    Map<String, ToolCallback> tools = callbacks(new StagehandTools(api.open()));
    api.answer(500, "{\"success\":false,\"error\":\"-32000 Cannot navigate to invalid URL\"}");

    assertThat(tools.get("navigate").call("{\"url\":\"not a url\"}"))
        .startsWith("ERROR: navigate failed in the browser service (500 Internal Server Error: -32000 Cannot navigate");
  }

  @Test
  void theToolkitGivenSetsTheBoundAndAProviderServesTheSameTools() {
    StagehandTools tools = new StagehandTools(StagehandToolkit.builder(api.open()).maxResultChars(300).build());
    StringBuilder page = new StringBuilder();
    while (page.length() < 5_000) {
      page.append("word ");
    }
    api.answer("{\"success\":true,\"data\":{\"result\":{\"pageText\":\"" + page + "\"}}}");

    ToolCallback[] provided = ToolCallbackProvider.from(tools.toolCallbacks()).getToolCallbacks();
    String result = Arrays.stream(provided).filter(c -> c.getToolDefinition().name().equals("pageText"))
        .findFirst().orElseThrow().call("{}");

    assertThat(result).hasSize(300).contains("\n[truncated: ");
    assertThat(tools).hasToString("StagehandTools{session=s-1}");
    assertThat(new StagehandTools.PlainText().convert(null, String.class)).isEmpty();
    assertThatThrownBy(() -> new StagehandTools((StagehandToolkit) null)).isInstanceOf(NullPointerException.class);
  }
}
