package dev.winback.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.WinBack;
import dev.winback.spi.PlanStore;
import dev.winback.testing.Customers;
import dev.winback.testing.Recorder;
import dev.winback.testing.StoreProxies;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.servlet.function.EntityResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * An action that loses every race with the runners (the plan keeps changing under it) is answered 409 with a page
 * that says so, not a server error, and changes nothing.
 */
class ConsoleConflictTest {
  private final AtomicBoolean contended = new AtomicBoolean(false);
  private final PlanStore store = StoreProxies.around(
      PlanStore.inMemory(),
      (method, inner) -> contended.get() && method.equals("update") ? Boolean.FALSE : inner.call());
  private final WinBack winBack = engine();
  private final ConsoleProperties properties = ConsoleProperties.defaults();
  private final ActionTokens tokens = ActionTokens.of(properties);

  @Test
  void anActionThatKeepsLosingToConcurrentChangesIsAConflictNotAServerError() throws Exception {
    winBack.start(Customers.lost("c1").build());
    contended.set(true);

    ServerResponse response = post("/winback/actions/pause");

    assertThat(response.statusCode().value()).isEqualTo(409);
    assertThat(((EntityResponse<?>) response).entity().toString())
        .contains("The plan changed while the action was being recorded");
    contended.set(false);
    assertThat(winBack.plan("c1").orElseThrow().paused()).isFalse();
  }

  private ServerResponse post(String path) throws Exception {
    MockHttpServletRequest servlet = new MockHttpServletRequest("POST", path);
    servlet.setUserPrincipal(() -> "admin");
    servlet.addUserRole("WINBACK_ADMIN");
    servlet.addHeader("Sec-Fetch-Site", "same-origin");
    servlet.setParameter("customer", "c1");
    servlet.setParameter(ActionTokens.FIELD, tokens.tokenFor("admin", "c1"));
    ServerRequest request =
        ServerRequest.create(servlet, List.of(new StringHttpMessageConverter()));
    Console console =
        new Console(winBack, properties, tokens, new Insights(Optional.empty()), Clock.systemUTC());
    return console.routes().route(request).orElseThrow().handle(request);
  }

  private WinBack engine() {
    Recorder host = new Recorder();
    return WinBack.builder()
        .store(store)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
  }
}
