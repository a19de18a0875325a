package com.browserbase.stagehand.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** How the local server's output is logged and kept for error messages. */
class ServerOutputTest {
  private final Logger logger = (Logger) LoggerFactory.getLogger("com.browserbase.stagehand.local");
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private final ServerOutput output = new ServerOutput("test");

  @BeforeEach
  void capture() {
    logged.start();
    logger.addAppender(logged);
    logger.setLevel(Level.TRACE);
    logger.setAdditive(false);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logged);
    logger.setLevel(null);
    logger.setAdditive(true);
  }

  private String events() {
    return logged.list.stream().map(e -> e.getLevel() + " " + e.getFormattedMessage()).collect(Collectors.joining("\n"));
  }

  @Test
  void jsonLinesKeepTheirLevelExceptRoutineInfoAndTheirSecretsAreMasked() {
    output.accept("{\"level\":\"info\",\"msg\":\"request completed\"}", false);
    output.accept("{\"level\":40,\"msg\":\"slow\"}", false);
    output.accept("{\"level\":\"error\",\"msg\":\"failed\",\"options\":{\"apiKey\":\"sk-secret\"}}", false);
    output.accept("Routes registered:", false);
    output.accept("Failed to start server: boom", true);
    output.accept("   ", false);

    assertThat(events()).isEqualTo(String.join("\n",
        "DEBUG {\"level\":\"info\",\"msg\":\"request completed\"}",
        "WARN {\"level\":40,\"msg\":\"slow\"}",
        "ERROR {\"level\":\"error\",\"msg\":\"failed\",\"options\":{\"apiKey\":\"***\"}}",
        "DEBUG Routes registered:",
        "WARN Failed to start server: boom"));
  }

  @Test
  void theSupervisorsFirstLineGivesTheServersPidAndIsNotKeptLaterOnesAreTheServers() {
    assertThat(output.serverPid()).isEqualTo(-1);

    output.accept("stagehand-java supervisor: server pid 4242", false);
    output.accept("stagehand-java supervisor: server pid 1", false);

    assertThat(output.serverPid()).isEqualTo(4242);
    assertThat(output.lastLines(5)).containsExactly("stagehand-java supervisor: server pid 1");
    assertThat(events()).isEqualTo("DEBUG stagehand-java supervisor: server pid 4242\n"
        + "DEBUG stagehand-java supervisor: server pid 1");
  }

  @Test
  void linesAreKeptShortenedAndErrorsCanBeAskedForSinceAMark() {
    output.accept("{\"level\":\"error\",\"msg\":\"Uncaught Exception:\",\"err\":{\"message\":\"spawn x ENOENT\"}}", false);
    long mark = output.mark();
    output.accept("{\"level\":\"info\",\"msg\":\"incoming request\"}", false);
    output.accept("{\"level\":50,\"msg\":\"connect ECONNREFUSED\",\"err\":{\"message\":\"connect ECONNREFUSED\"}}", false);
    output.accept("{\"level\":\"error\",\"err\":{\"message\":\"no message\"}}", false);

    assertThat(output.lastLines(3)).containsExactly(
        "info: incoming request", "error: connect ECONNREFUSED", "error: (no message)");
    assertThat(output.errorsSince(mark)).containsExactly("error: connect ECONNREFUSED", "error: (no message)");
    assertThat(output.errorsSince(0)).hasSize(3).first().isEqualTo("error: Uncaught Exception: (spawn x ENOENT)");
  }

  @Test
  void whileStoppingEverythingIsDebug() {
    output.stopping();
    output.accept("{\"level\":\"error\",\"msg\":\"CDP transport closed\"}", false);

    assertThat(events()).isEqualTo("DEBUG {\"level\":\"error\",\"msg\":\"CDP transport closed\"}");
  }

  @Test
  void onlyTheLastFortyLinesAreKept() {
    for (int i = 1; i <= 45; i++) {
      output.accept("line " + i, false);
    }

    assertThat(output.lastLines(100)).hasSize(40).startsWith("line 6").endsWith("line 45");
  }

  @Test
  void theAddressIsTheOneTheServersOwnListeningLineGivesAndNoOtherText() {
    output.accept("{\"level\":30,\"msg\":\"fake: Server listening at http://127.0.0.1:1\"}", false);
    output.accept("Server listening at http://127.0.0.1:2 (said on stderr)", true);
    assertThat(output.listeningAt()).isNull();

    output.accept("{\"level\":30,\"time\":1,\"msg\":\"Server listening at http://127.0.0.1:41234\"}", false);
    output.accept("{\"level\":30,\"msg\":\"Server listening at http://127.0.0.1:9\"}", false);

    assertThat(output.listeningAt()).isEqualTo("http://127.0.0.1:41234");
  }
}
