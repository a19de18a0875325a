package com.browserbase.stagehand.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the loopback server answers: an {@code act} response and a 200-event {@code act} stream. */
final class Payloads {
  static final String SESSION_ID = "3f2c6a9e-8a51-4a43-9a0e-5d1b2f7c9e10";
  static final String INSTRUCTION = "click the 'Log in' button in the page header";
  static final String API_KEY = "bb_live_0123456789abcdefghijklmnop";
  static final String MODEL_API_KEY = "sk-proj-0123456789abcdefghijklmnopqrstuvwxyz";
  /** Events per stream, the finished one included. */
  static final int STREAM_EVENTS = 200;

  private static final String SELECTOR = "xpath=/html/body/div[1]/header/nav/div[2]/button[1]";

  /** An act result as the server sends it: one action performed. */
  static final String ACT_RESULT = "{\"success\":true,"
      + "\"message\":\"Action [click] performed successfully on selector: " + SELECTOR + "\","
      + "\"actionDescription\":\"Log in button in the page header\","
      + "\"actions\":[{\"selector\":\"" + SELECTOR + "\",\"description\":\"Log in button in the page header\","
      + "\"backendNodeId\":1287,\"method\":\"click\",\"arguments\":[]}]}";

  /** The body of a blocking {@code act}'s response. */
  static final String ACT_RESPONSE = "{\"success\":true,\"data\":{\"result\":" + ACT_RESULT
      + ",\"actionId\":\"9b2e4f60-1c3d-4e5f-8a7b-6c5d4e3f2a1b\"}}";

  private static final String[] LOG_LINES = {
    "Getting the accessibility tree of the page (frame 0, 412 nodes)",
    "Sending the instruction and the page snapshot to the model openai/gpt-5-nano",
    "The model chose element 1287: button 'Log in' in the page header",
    "Waiting for the DOM to settle after scrolling the element into view",
    "Performing method click on " + SELECTOR,
  };

  private Payloads() {}

  /**
   * The frames of an {@code act} stream: {@code starting}, {@code connected}, log lines, then
   * {@code finished} carrying the act result; {@code STREAM_EVENTS} in all.
   */
  static List<String> actStreamEvents() {
    List<String> events = new ArrayList<>(STREAM_EVENTS);
    events.add(frame("{\"data\":{\"status\":\"starting\"},\"type\":\"system\",\"id\":\"" + uuid(0) + "\"}"));
    events.add(frame("{\"data\":{\"status\":\"connected\"},\"type\":\"system\",\"id\":\"" + uuid(1) + "\"}"));
    for (int i = 2; i < STREAM_EVENTS - 1; i++) {
      String message = LOG_LINES[i % LOG_LINES.length] + " (step " + i + ")";
      events.add(frame("{\"data\":{\"status\":\"running\",\"message\":\"" + message + "\"},\"type\":\"log\",\"id\":\""
          + uuid(i) + "\"}"));
    }
    events.add(frame("{\"data\":{\"status\":\"finished\",\"result\":" + ACT_RESULT + "},\"type\":\"system\",\"id\":\""
        + uuid(STREAM_EVENTS - 1) + "\"}"));
    return events;
  }

  private static String frame(String json) {
    return "data: " + json + "\n\n";
  }

  private static String uuid(int i) {
    return new UUID(0x5f0c2b9a7d3e4c1bL, 0x8000000000000000L | (i * 0x9E3779B97F4A7C15L >>> 1)).toString();
  }
}
