package dev.winback.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.PlanStatus;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An application that deliberately opens the console to anonymous visitors ({@code allow-anonymous=true}) gives them
 * read-only access with personal data masked, never an action; signed-in principals without a console role get the
 * same.
 */
class ConsoleAnonymousTest {
  private final Apps.App app = Apps.started("winback.console.allow-anonymous=true");
  private final Plans plans = app.plans();

  @Test
  void anAnonymousVisitorReadsMaskedAndCannotAct() {
    String id = Plans.id("open");
    String email = Plans.email("alan");
    plans.person(id, "Alan Turing", email);
    Visitor anonymous = Visitor.anonymous(app.port());

    HttpResponse<String> page = anonymous.get("/winback/customer?id=" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("anonymous (read-only)", "A••• (masked)")
        .doesNotContain("Alan Turing", email, ActionTokens.FIELD);
    assertThat(anonymous.get("/winback").statusCode()).isEqualTo(200);

    HttpResponse<String> act = anonymous.post(
        "/winback/actions/opt-out", Map.of("customer", id, ActionTokens.FIELD, "anything"));
    assertThat(act.statusCode()).isEqualTo(403);
    assertThat(app.winBack().plan(id).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
  }

  @Test
  void anAnonymousVisitorDoesNotLearnTheOperatorsLogins() {
    String id = Plans.id("open-audit");
    plans.person(id, "Alan Turing", Plans.email("alan"));
    String operator = "root.admin@example.com";
    app.winBack().operations().pause(id, operator);
    app.winBack().operations().end(id, operator);
    Visitor anonymous = Visitor.anonymous(app.port());

    for (String page : new String[] {"/winback", "/winback/customer?id=" + id}) {
      assertThat(anonymous.get(page).body())
          .as(page)
          .doesNotContain(operator, "root.admin")
          .contains("operator &#39;r••• (masked)&#39; ended the plan");
    }
  }

  @Test
  void aPrincipalWithoutAConsoleRoleReadsLikeAnAnonymousVisitor() {
    String id = Plans.id("open-stranger");
    plans.person(id, "Alan Turing", Plans.email("alan"));
    Visitor stranger = Visitor.signedIn(app.port(), "stranger");

    assertThat(stranger.get("/winback/customer?id=" + id).body())
        .contains("stranger (read-only)")
        .doesNotContain("Alan Turing");
    assertThat(stranger
            .post(
                "/winback/actions/opt-out",
                Map.of("customer", id, ActionTokens.FIELD, app.tokens().tokenFor("stranger", id)))
            .statusCode())
        .isEqualTo(403);
  }
}
