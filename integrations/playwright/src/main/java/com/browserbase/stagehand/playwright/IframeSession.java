package com.browserbase.stagehand.playwright;

import com.browserbase.stagehand.client.StagehandSession;
import com.browserbase.stagehand.core.RequestOptions;
import com.browserbase.stagehand.models.sessions.ActOptions;
import com.browserbase.stagehand.models.sessions.ActResultData;
import com.browserbase.stagehand.models.sessions.Action;
import com.browserbase.stagehand.models.sessions.AgentConfig;
import com.browserbase.stagehand.models.sessions.AgentExecuteOptions;
import com.browserbase.stagehand.models.sessions.AgentResultData;
import com.browserbase.stagehand.models.sessions.ExtractOptions;
import com.browserbase.stagehand.models.sessions.NavigateOptions;
import com.browserbase.stagehand.models.sessions.ObserveOptions;
import com.browserbase.stagehand.models.sessions.ReplayResult;
import com.browserbase.stagehand.models.sessions.StreamEvent;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A session aimed at an iframe ({@link StagehandPlaywright#on(com.microsoft.playwright.Frame)}): the
 * calls of {@code tab}, the session aimed at the iframe's tab, with {@code observe} and {@code extract}
 * given the iframe's selector unless their options have one; {@code navigate} refused.
 */
final class IframeSession implements StagehandSession {
  private final StagehandSession tab;
  private final String selector;

  IframeSession(StagehandSession tab, String selector) {
    this.tab = tab;
    this.selector = selector;
  }

  private ObserveOptions scoped(ObserveOptions options) {
    Objects.requireNonNull(options, "options");
    return options.selector().isPresent() ? options : options.toBuilder().selector(selector).build();
  }

  private ExtractOptions scoped(ExtractOptions options) {
    Objects.requireNonNull(options, "options");
    return options.selector().isPresent() ? options : options.toBuilder().selector(selector).build();
  }

  private ExtractOptions scope() {
    return ExtractOptions.builder().selector(selector).build();
  }

  @Override
  public String id() {
    return tab.id();
  }

  @Override
  public Optional<String> cdpUrl() {
    return tab.cdpUrl();
  }

  @Override
  public Instant openedAt() {
    return tab.openedAt();
  }

  @Override
  public boolean isEnded() {
    return tab.isEnded();
  }

  @Override
  public StagehandSession withOptions(RequestOptions options) {
    return new IframeSession(tab.withOptions(options), selector);
  }

  @Override
  public StagehandSession withProgress(Consumer<? super StreamEvent> progress) {
    return new IframeSession(tab.withProgress(progress), selector);
  }

  /** Another tab: the iframe's scope does not follow. */
  @Override
  public StagehandSession onFrame(String frameId) {
    return tab.onFrame(frameId);
  }

  @Override
  public Optional<JsonNode> navigate(String url) {
    throw notForIframes();
  }

  @Override
  public Optional<JsonNode> navigate(String url, NavigateOptions options) {
    throw notForIframes();
  }

  private static UnsupportedOperationException notForIframes() {
    return new UnsupportedOperationException("The Stagehand server navigates tabs, not iframes: navigate an iframe"
        + " with Playwright (frame.navigate(url)), or its tab with on(frame.page())");
  }

  @Override
  public ActResultData act(String instruction) {
    return tab.act(instruction);
  }

  @Override
  public ActResultData act(String instruction, ActOptions options) {
    return tab.act(instruction, options);
  }

  @Override
  public ActResultData act(Action action) {
    return tab.act(action);
  }

  @Override
  public ActResultData act(Action action, ActOptions options) {
    return tab.act(action, options);
  }

  @Override
  public List<Action> observe() {
    return tab.observe(ObserveOptions.builder().selector(selector).build());
  }

  @Override
  public List<Action> observe(ObserveOptions options) {
    return tab.observe(scoped(options));
  }

  @Override
  public List<Action> observe(String instruction) {
    return tab.observe(instruction, ObserveOptions.builder().selector(selector).build());
  }

  @Override
  public List<Action> observe(String instruction, ObserveOptions options) {
    return tab.observe(instruction, scoped(options));
  }

  @Override
  public JsonNode extract() {
    return tab.extract(scope());
  }

  @Override
  public JsonNode extract(ExtractOptions options) {
    return tab.extract(scoped(options));
  }

  @Override
  public JsonNode extract(String instruction) {
    return tab.extract(instruction, scope());
  }

  @Override
  public JsonNode extract(String instruction, ExtractOptions options) {
    return tab.extract(instruction, scoped(options));
  }

  @Override
  public <T> T extract(String instruction, Class<T> type) {
    return tab.extract(instruction, type, scope());
  }

  @Override
  public <T> T extract(String instruction, Class<T> type, ExtractOptions options) {
    return tab.extract(instruction, type, scoped(options));
  }

  @Override
  public <T> T extract(String instruction, TypeReference<T> type) {
    return tab.extract(instruction, type, scope());
  }

  @Override
  public <T> T extract(String instruction, TypeReference<T> type, ExtractOptions options) {
    return tab.extract(instruction, type, scoped(options));
  }

  @Override
  public AgentResultData execute(String instruction) {
    return tab.execute(instruction);
  }

  @Override
  public AgentResultData execute(AgentConfig config, AgentExecuteOptions options) {
    return tab.execute(config, options);
  }

  @Override
  public ReplayResult replay() {
    return tab.replay();
  }

  @Override
  public void end() {
    tab.end();
  }

  @Override
  public void close() {
    tab.close();
  }

  @Override
  public String toString() {
    return tab.toString();
  }
}
