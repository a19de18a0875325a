package com.browserbase.stagehand.cache.redis;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.LoggerFactory;

/** Every log event of the named loggers, down to {@code level}, while open; they reach no console meanwhile. */
final class CapturedLogs implements AutoCloseable {
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();
  private final List<Logger> loggers = new ArrayList<>();
  private final List<Level> levels = new ArrayList<>();
  private final List<Boolean> additivity = new ArrayList<>();

  CapturedLogs(Level level, String... names) {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    appender.setContext(context);
    appender.start();
    for (String name : names) {
      Logger logger = context.getLogger(name);
      loggers.add(logger);
      levels.add(logger.getLevel());
      additivity.add(logger.isAdditive());
      logger.setLevel(level);
      logger.setAdditive(false);
      logger.addAppender(appender);
    }
  }

  /** Each event as a line: level, logger, message and its exception with causes. */
  synchronized List<String> lines() {
    List<String> lines = new ArrayList<>();
    for (ILoggingEvent event : new ArrayList<>(appender.list)) {
      IThrowableProxy thrown = event.getThrowableProxy();
      lines.add(event.getLevel() + " " + event.getLoggerName() + " " + event.getFormattedMessage()
          + (thrown == null ? "" : "\n" + ThrowableProxyUtil.asString(thrown)));
    }
    return lines;
  }

  @Override
  public void close() {
    for (int i = 0; i < loggers.size(); i++) {
      loggers.get(i).detachAppender(appender);
      loggers.get(i).setLevel(levels.get(i));
      loggers.get(i).setAdditive(additivity.get(i));
    }
    appender.stop();
  }
}
