package com.browserbase.stagehand.internal.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.browserbase.stagehand.internal.runtime.Json;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The top-level names the server takes from an extract result, refused before anything is sent. */
class ReservedResultNamesTest {
  record Article(String title, String metadata) {}

  record Usage(@JsonProperty("prompt_tokens") int promptTokens, String model) {}

  record Renamed(@JsonProperty("page_metadata") String metadata, String title) {}

  record Holder(Article article) {}

  record Each(String metadata, String prompt_tokens, String completion_tokens, String reasoning_tokens,
      String cached_input_tokens, String inference_time_ms) {}

  @Test
  void theNamesAreTheSixTheServerOverwritesAndRemoves() {
    assertThat(ReservedResultNames.NAMES).containsExactly("metadata", "prompt_tokens", "completion_tokens",
        "reasoning_tokens", "cached_input_tokens", "inference_time_ms");
  }

  @Test
  void aTopLevelPropertyNamedMetadataIsRefusedNamingTheTypeThePropertyAndWhy() {
    assertThatThrownBy(() -> check(type(Article.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot extract into Article: the Stagehand server overwrites the top-level property"
            + " \"metadata\" of an extract result with its own metadata of the extraction and then removes it,"
            + " so the model's value would never arrive; give the property another JSON name with @JsonProperty,"
            + " such as @JsonProperty(\"page_metadata\")");
  }

  @Test
  void aUsageNameIsRefusedByItsJsonName() {
    assertThatThrownBy(() -> check(type(Usage.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Cannot extract into Usage: the Stagehand server overwrites the top-level property"
            + " \"prompt_tokens\" of an extract result with its own usage figures of the call (tokens, time) and"
            + " then removes it, so the model's value would never arrive; give the property another JSON name"
            + " with @JsonProperty, such as @JsonProperty(\"page_prompt_tokens\")");
  }

  @Test
  void eachOfTheNamesIsRefused() {
    JavaType each = type(Each.class);
    for (String name : ReservedResultNames.NAMES) {
      ObjectNode schema = JsonSchemas.of(each);
      ((ObjectNode) schema.get("properties")).retain(name);

      assertThatThrownBy(() -> ReservedResultNames.check(each, schema))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("top-level property \"" + name + "\"");
    }
  }

  @Test
  void renamedOrNestedOrInsideAWrappedSchemaTheNamesAreFine() {
    assertThatCode(() -> check(type(Renamed.class))).doesNotThrowAnyException();
    assertThatCode(() -> check(type(Holder.class))).doesNotThrowAnyException();
    assertThatCode(() -> check(Json.MAPPER.getTypeFactory().constructType(new TypeReference<List<Article>>() {})))
        .doesNotThrowAnyException();
    assertThatCode(() -> check(Json.MAPPER.getTypeFactory().constructType(new TypeReference<Map<String, Article>>() {})))
        .doesNotThrowAnyException();
  }

  @Test
  void aTopLevelOptionalIsTheObjectItHolds() {
    assertThatThrownBy(() -> check(Json.MAPPER.getTypeFactory().constructType(new TypeReference<Optional<Article>>() {})))
        .hasMessageStartingWith("Cannot extract into Optional<Article>: ");
  }

  private static JavaType type(Class<?> type) {
    return Json.MAPPER.constructType(type);
  }

  private static void check(JavaType type) {
    ReservedResultNames.check(type, JsonSchemas.of(type));
  }
}
