package dev.winback.console;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The test application, started once per set of properties and shared by the test classes that ask for the same
 * (as Spring's test context cache would; Spring's JUnit extension needs a newer JUnit than this build has). Each is
 * a real Spring Boot application on a random port, stopped when the test JVM exits.
 */
final class Apps {
  private static final Map<List<String>, App> STARTED = new ConcurrentHashMap<>();

  private Apps() {}

  /** A running application: its port, and the beans the tests look at. */
  record App(ConfigurableApplicationContext context) {
    int port() {
      return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    WinBack winBack() {
      return context.getBean(WinBack.class);
    }

    Plans plans() {
      return new Plans(winBack(), context.getBean(ManualClock.class));
    }

    ActionTokens tokens() {
      return ActionTokens.of(context.getBean(ConsoleProperties.class));
    }
  }

  /** The application with these properties (besides a random port and the tests' action secret). */
  static App started(String... properties) {
    return STARTED.computeIfAbsent(
        List.of(properties),
        p -> new App(new SpringApplicationBuilder(ConsoleApplication.class)
            .properties(
                "server.port=0", "winback.console.action-secret=" + ConsoleApplication.SECRET)
            .properties(properties)
            .run()));
  }
}
