package dev.winback.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/** The example application starts, its runner sends the demo customer's first message, and it reports its health. */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "winback.runner.interval=100ms",
      "spring.datasource.url=jdbc:h2:mem:winback-example-test;DB_CLOSE_DELAY=-1"
    })
class WinBackSpringExampleTest {
  @Autowired
  WinBack winBack;

  @LocalServerPort
  int port;

  @Test
  void theDemoCustomersPlanRunsByItself() {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (winBack.history("demo-1").stream().noneMatch(e -> e.type() == EventType.STEP_DONE)) {
      assertThat(Instant.now()).as("the runner sent a message in time").isBefore(deadline);
      Thread.onSpinWait();
    }

    assertThat(winBack.history("demo-1"))
        .extracting(JournalEvent::type)
        .startsWith(EventType.PLAN_STARTED)
        .contains(EventType.STEP_DONE);
  }

  @Test
  void itsMetricsIncludeWinBacks() throws Exception {
    HttpResponse<String> meters = HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + port + "/actuator/metrics/winback.backlog.due"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(meters.statusCode()).isEqualTo(200);
    assertThat(meters.body()).contains("\"winback.backlog.due\"");
  }

  @Test
  void itsHealthIncludesWinBack() throws Exception {
    HttpResponse<String> health = HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(health.body()).contains("\"winback\"", "\"duePlans\"", "\"runner\":\"running\"");
  }

  /** A weekday morning in London, so that the first message is within the e-mail hours whenever the test runs. */
  @TestConfiguration
  static class Morning {
    @Bean
    Clock clock() {
      return ManualClock.at(Instant.parse("2026-03-03T10:00:00Z"));
    }
  }
}
