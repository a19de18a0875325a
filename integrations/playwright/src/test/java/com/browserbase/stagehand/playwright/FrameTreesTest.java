package com.browserbase.stagehand.playwright;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding a Playwright frame in a CDP frame tree by its path of (index, name, URL). */
class FrameTreesTest {
  /** main → [ads (about:blank), inner (/inner) → [deep (/deep)], inner twin (/inner, no name)] */
  private static final JsonObject TREE = JsonParser.parseString("""
      {"frame": {"id": "MAIN", "url": "https://shop.example/", "name": ""},
       "childFrames": [
         {"frame": {"id": "ADS", "parentId": "MAIN", "url": "about:blank", "name": "ads"}},
         {"frame": {"id": "INNER", "parentId": "MAIN", "url": "https://shop.example/inner", "name": "inner"},
          "childFrames": [
            {"frame": {"id": "DEEP", "parentId": "INNER", "url": "https://shop.example/deep", "urlFragment": "#top",
                       "name": ""}}]},
         {"frame": {"id": "TWIN", "parentId": "MAIN", "url": "https://shop.example/inner", "name": ""}}]}
      """).getAsJsonObject();

  private static FrameTrees.Step step(int index, String name, String url) {
    return new FrameTrees.Step(index, name, url);
  }

  @Test
  void theMainFrameIsTheEmptyPath() {
    assertThat(FrameTrees.mainFrameId(TREE)).isEqualTo("MAIN");
    assertThat(FrameTrees.find(TREE, List.of())).isEqualTo("MAIN");
  }

  @Test
  void eachLevelTakesTheChildAtTheIndexWhenItsNameAndUrlAgree() {
    assertThat(FrameTrees.find(TREE, List.of(step(1, "inner", "https://shop.example/inner")))).isEqualTo("INNER");
    assertThat(FrameTrees.find(TREE, List.of(step(2, "", "https://shop.example/inner")))).isEqualTo("TWIN");
    assertThat(FrameTrees.find(TREE, List.of(step(1, "inner", "https://shop.example/inner"),
        step(0, "", "https://shop.example/deep#top")))).isEqualTo("DEEP");
  }

  @Test
  void anIndexThatDisagreesFallsBackToTheOneChildWithThatNameAndUrl() {
    // Playwright saw the ads frame detach: its indexes are one lower than the tree's.
    assertThat(FrameTrees.find(TREE, List.of(step(0, "inner", "https://shop.example/inner")))).isEqualTo("INNER");
    assertThat(FrameTrees.find(TREE, List.of(step(7, "ads", "about:blank")))).isEqualTo("ADS");
  }

  @Test
  void aNameThatChangedFallsBackToTheOneChildWithThatUrl() {
    assertThat(FrameTrees.find(TREE, List.of(step(5, "renamed", "about:blank")))).isEqualTo("ADS");
  }

  @Test
  void noFittingFrameOrSeveralAreAnErrorNamingTheFrameWithoutItsQuery() {
    assertThatThrownBy(() -> FrameTrees.find(TREE, List.of(step(0, "x", "https://cross.example/p?token=s3cret"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("No frame 0 \"x\" at https://cross.example/p?***")
        .hasMessageContaining("cross-origin")
        .hasMessageNotContaining("s3cret");
    assertThatThrownBy(() -> FrameTrees.find(TREE, List.of(step(9, "other", "https://shop.example/inner"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Several frames fit");
  }

  @Test
  void aFrameWithoutChildrenHasNoChildToFind() {
    assertThatThrownBy(() -> FrameTrees.find(TREE, List.of(step(0, "ads", "about:blank"), step(0, "", "about:blank"))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
