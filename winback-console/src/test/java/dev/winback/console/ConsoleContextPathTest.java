package dev.winback.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.PlanStatus;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console under another path ({@code winback.console.path}) in an application with a context path: its pages,
 * links, forms and redirects all point under both.
 */
class ConsoleContextPathTest {
  private final Apps.App app =
      Apps.started("server.servlet.context-path=/shop", "winback.console.path=/ops/console");
  private final Plans plans = app.plans();

  @Test
  void pagesLinksFormsAndRedirectsStayUnderTheApplicationsPaths() {
    String id = Plans.id("moved");
    plans.person(id, "Ada Lovelace", Plans.email("ada"));
    Visitor admin = Visitor.signedIn(app.port(), "admin");

    assertThat(admin.get("/winback").statusCode()).isEqualTo(404);
    HttpResponse<String> overview = admin.get("/shop/ops/console");
    assertThat(overview.statusCode()).isEqualTo(200);
    assertThat(overview.body())
        .contains("href=\"/shop/ops/console/failures\"", "action=\"/shop/ops/console/customer\"");
    assertThat(admin.get("/shop/ops/console/customer?id=" + id).body())
        .contains("action=\"/shop/ops/console/actions/opt-out\"");

    HttpResponse<String> optOut = admin.post(
        "/shop/ops/console/actions/opt-out",
        Map.of("customer", id, ActionTokens.FIELD, app.tokens().tokenFor("admin", id)));

    assertThat(optOut.statusCode()).isEqualTo(303);
    assertThat(optOut.headers().firstValue("Location"))
        .hasValue("/shop/ops/console/customer?id=" + id + "&done=opt-out");
    assertThat(app.winBack().plan(id).orElseThrow().status()).isEqualTo(PlanStatus.OPTED_OUT);
  }
}
