package com.browserbase.stagehand.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.errors.StagehandInvalidDataException;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.BrowserbaseSessionCreateParams;
import com.browserbase.stagehand.models.sessions.ModelConfig;
import com.browserbase.stagehand.models.sessions.SessionEndParams;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/** What the generated models get from {@link Models}: equality, hash code, string form and validation. */
class ModelsTest {
  private static <T> T read(String json, Class<T> type) throws Exception {
    return Json.MAPPER.readValue(json, type);
  }

  @Test
  void equalityTakesEveryFieldAndTheClass() {
    Action action = Action.builder().selector("#a").description("A").build();

    assertThat(Models.equal(action, action.toBuilder().build())).isTrue();
    assertThat(Models.equal(action, action.toBuilder().method("click").build())).isFalse();
    assertThat(Models.equal(action, action.toBuilder().putAdditionalProperty("x", 1).build())).isFalse();
    assertThat(Models.equal(action, null)).isFalse();
    assertThat(Models.equal(action, "#a")).isFalse();
  }

  @Test
  void hashCodeIsObjectsHashOfTheFieldsInTheirOrder() {
    Action action = Action.builder().selector("#a").description("A").backendNodeId(7).addArgument("x").build();

    assertThat(Models.hash(action)).isEqualTo(Objects.hash("#a", "A", 7L, null, action.arguments(),
        action.additionalProperties()));
  }

  @Test
  void toStringLeavesOutEmptyRequestExtrasAndShowsOnlyTheNamesOfAdditionalHeaders() {
    SessionEndParams plain = SessionEndParams.builder().id("s-1").build();
    SessionEndParams withHeader = plain.toBuilder().putAdditionalHeader("X-Api-Key", "secret-value").build();

    assertThat(plain).hasToString("SessionEndParams{id=s-1}");
    assertThat(withHeader).hasToString("SessionEndParams{id=s-1, additionalHeaders={X-Api-Key=***}}");
  }

  @Test
  void validateNamesTheFirstMissingPropertyByItsJsonPath() throws Exception {
    ActResultData data = read("{\"success\":true,\"message\":\"m\",\"actionDescription\":\"d\","
        + "\"actions\":[{\"selector\":\"#a\",\"description\":\"A\"},{\"selector\":\"#b\"}]}", ActResultData.class);

    assertThatThrownBy(data::validate)
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessage("actions[1].description (Action.description) is missing from the response");
  }

  @Test
  void validateChecksTheModelsInsideAUnionsListForm() throws Exception {
    BrowserbaseSessionCreateParams params = read("{\"proxies\":[{\"type\":\"external\"}]}",
        BrowserbaseSessionCreateParams.class);

    assertThatThrownBy(params::validate)
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessage("proxies[0].server (ExternalProxyConfig.server) is missing from the response");
  }

  @Test
  void validateChecksTheModelsBehindAUnionInterface() throws Exception {
    ModelConfig config = read("{\"modelName\":\"vertex/gemini\",\"provider\":\"vertex\",\"auth\":"
        + "{\"type\":\"googleServiceAccount\",\"credentials\":{\"client_email\":\"bot@example.com\"}}}", ModelConfig.class);

    assertThatThrownBy(config::validate)
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessage("auth.credentials.private_key (GoogleServiceAccountCredentials.private_key) is missing from the"
            + " response");
  }

  @Test
  void validateRejectsAUnionFormThisVersionDoesNotKnow() throws Exception {
    BrowserbaseSessionCreateParams params = read("{\"proxies\":\"sometimes\"}", BrowserbaseSessionCreateParams.class);

    assertThatThrownBy(params::validate)
        .isInstanceOf(StagehandInvalidDataException.class)
        .hasMessageStartingWith("proxies has a form this SDK version does not know");
  }
}
