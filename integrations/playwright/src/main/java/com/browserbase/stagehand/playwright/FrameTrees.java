package com.browserbase.stagehand.playwright;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a Playwright frame in a page's CDP frame tree ({@code Page.getFrameTree}'s {@code frameTree}),
 * since Playwright does not expose CDP frame ids. A frame is named by its path from the main frame: at
 * each level, its index among its parent's child frames, its name and its URL. At each level the child
 * at that index is taken when its name and URL agree (both lists keep the order the frames attached in),
 * else the one child with that name and URL, else the one child with that URL.
 */
final class FrameTrees {
  private FrameTrees() {}

  /** One level of a frame's path: its index among its parent's frames, its name, its URL. */
  static final class Step {
    final int index;
    final String name;
    final String url;

    Step(int index, String name, String url) {
      this.index = index;
      this.name = name == null ? "" : name;
      this.url = url == null ? "" : url;
    }

    @Override
    public String toString() {
      return "frame " + index + (name.isEmpty() ? "" : " \"" + name + "\"") + " at " + CdpUrls.masked(url);
    }
  }

  /** The id of the tree's main frame. */
  static String mainFrameId(JsonObject frameTree) {
    return frameTree.getAsJsonObject("frame").get("id").getAsString();
  }

  /**
   * The id of the frame at {@code path} (empty: the main frame).
   *
   * @throws IllegalArgumentException when a level has no such frame, or several that fit equally
   */
  static String find(JsonObject frameTree, List<Step> path) {
    JsonObject node = frameTree;
    for (Step step : path) {
      node = child(node, step);
    }
    return mainFrameId(node);
  }

  private static JsonObject child(JsonObject node, Step step) {
    List<JsonObject> children = new ArrayList<>();
    JsonArray array = node.has("childFrames") ? node.getAsJsonArray("childFrames") : new JsonArray();
    for (JsonElement child : array) {
      children.add(child.getAsJsonObject());
    }
    if (step.index >= 0 && step.index < children.size() && fits(children.get(step.index), step, true)) {
      return children.get(step.index);
    }
    for (boolean byName : new boolean[] {true, false}) {
      JsonObject only = null;
      int count = 0;
      for (JsonObject child : children) {
        if (fits(child, step, byName)) {
          only = child;
          count++;
        }
      }
      if (count == 1) {
        return only;
      }
      if (count > 1 && !byName) {
        throw new IllegalArgumentException("Several frames fit " + step + " in the page's frame tree");
      }
    }
    throw new IllegalArgumentException("No " + step + " in the page's CDP frame tree (a cross-origin iframe runs"
        + " in a process of its own, outside it)");
  }

  private static boolean fits(JsonObject child, Step step, boolean byName) {
    JsonObject frame = child.getAsJsonObject("frame");
    String url = text(frame, "url") + text(frame, "urlFragment");
    return url.equals(step.url) && (!byName || text(frame, "name").equals(step.name));
  }

  private static String text(JsonObject object, String name) {
    JsonElement value = object.get(name);
    return value == null || value.isJsonNull() ? "" : value.getAsString();
  }
}
