package dev.winback.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.WinBack;
import dev.winback.jdbc.JdbcPlanStore;
import dev.winback.testing.Customers;
import dev.winback.testing.Databases;
import dev.winback.testing.PooledDataSource;
import dev.winback.testing.Recorder;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.EntityResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/** When the plan store cannot be read, the console says so with 503 instead of failing with a stack trace. */
class ConsoleStoreDownTest {
  private final PooledDataSource dataSource = Databases.newH2();
  private final WinBack winBack = engine();

  @AfterEach
  void close() {
    winBack.close();
    dataSource.closeAll();
  }

  @Test
  void everyPageAnswers503WhileTheStoreIsDown() throws Exception {
    winBack.start(Customers.lost("c1").build());
    assertThat(get("/winback").statusCode().value()).isEqualTo(200);

    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("DROP ALL OBJECTS");
    }

    for (String path : List.of("/winback", "/winback/failures", "/winback/customer")) {
      ServerResponse response = get(path);
      assertThat(response.statusCode().value()).as(path).isEqualTo(503);
      assertThat(((EntityResponse<?>) response).entity().toString()).contains("Store unreachable");
    }
  }

  private ServerResponse get(String path) throws Exception {
    MockHttpServletRequest servlet = new MockHttpServletRequest("GET", path);
    servlet.setUserPrincipal(() -> "viewer");
    servlet.addUserRole("WINBACK_VIEWER");
    if (path.endsWith("/customer")) {
      servlet.setParameter("id", "c1");
    }
    ServerRequest request =
        ServerRequest.create(servlet, List.of(new StringHttpMessageConverter()));
    Console console = new Console(
        winBack,
        ConsoleProperties.defaults(),
        ActionTokens.of(ConsoleProperties.defaults()),
        new Insights(Optional.empty()),
        Clock.systemUTC());
    return console.routes().route(request).orElseThrow().handle(request);
  }

  private WinBack engine() {
    Recorder host = new Recorder();
    return WinBack.builder()
        .store(JdbcPlanStore.create(dataSource).migrate())
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
  }
}
