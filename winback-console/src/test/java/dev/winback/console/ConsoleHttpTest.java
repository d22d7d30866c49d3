package dev.winback.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.WinBack;
import dev.winback.model.PlanStatus;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The console over HTTP in a real Spring Boot application (Tomcat, Spring Security with HTTP Basic, embedded
 * PostgreSQL): who may read, who may act, what an action needs to be accepted, and what the pages answer.
 */
class ConsoleHttpTest {
  private final Apps.App app = Apps.started();
  private final int port = app.port();
  private final WinBack winBack = app.winBack();
  private final Plans plans = app.plans();
  private final ActionTokens tokens = app.tokens();

  @Test
  void anonymousRequestsGet401() {
    String id = Plans.id("anon");
    String email = Plans.email("ada");
    plans.person(id, "Ada Lovelace", email);
    Visitor anonymous = Visitor.anonymous(port);

    for (String page : new String[] {
      "/winback", "/winback/customer?id=" + id, "/winback/failures", "/winback/report"
    }) {
      HttpResponse<String> response = anonymous.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(401);
      assertThat(response.body()).doesNotContain("Ada", email);
    }
    assertThat(
            anonymous.post("/winback/actions/opt-out", Map.of("customer", id)).statusCode())
        .isEqualTo(401);
    assertThat(winBack.plan(id).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
  }

  @Test
  void aPrincipalWithoutAConsoleRoleGets403() {
    Visitor stranger = Visitor.signedIn(port, "stranger");

    assertThat(stranger.get("/winback").statusCode()).isEqualTo(403);
    assertThat(stranger.get("/winback/failures").statusCode()).isEqualTo(403);
  }

  @Test
  void aViewerReadsEveryPageUnderAStrictContentSecurityPolicy() {
    String id = Plans.id("read");
    String email = Plans.email("ada");
    plans.person(id, "Ada Lovelace", email);
    Visitor viewer = Visitor.signedIn(port, "viewer");

    for (String page : new String[] {
      "/winback", "/winback/customer?id=" + id, "/winback/failures", "/winback/report"
    }) {
      HttpResponse<String> response = viewer.get(page);
      assertThat(response.statusCode()).as(page).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
      assertThat(response.headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(csp -> assertThat(csp)
              .contains("default-src 'none'", "form-action 'self'", "frame-ancestors 'none'")
              .doesNotContain("unsafe-inline", "script-src"));
      assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }
    HttpResponse<String> customer = viewer.get("/winback/customer?id=" + id);
    assertThat(customer.body())
        .contains(id, "A••• (masked)")
        .doesNotContain("Ada Lovelace", email, "<form class=\"inline\"", ActionTokens.FIELD);
  }

  @Test
  void anAdminSeesPersonalDataAndTheActions() {
    String id = Plans.id("admin-reads");
    String email = Plans.email("ada");
    plans.person(id, "Ada Lovelace", email);

    String body =
        Visitor.signedIn(port, "admin").get("/winback/customer?id=" + id).body();

    assertThat(body)
        .contains("Ada Lovelace", email, tokens.tokenFor("admin", id))
        .contains("/winback/actions/opt-out", "/winback/actions/pause", "/winback/actions/end");
  }

  @Test
  void anAdminPausesResumesAndEndsAPlanEachJournalledWithTheirName() {
    String id = Plans.id("pause");
    String email = Plans.email("ada");
    plans.person(id, "Ada Lovelace", email);
    Visitor admin = Visitor.signedIn(port, "admin");

    HttpResponse<String> paused = admin.post("/winback/actions/pause", action(id, "admin"));
    assertThat(paused.statusCode()).isEqualTo(303);
    assertThat(paused.headers().firstValue("Location"))
        .hasValue("/winback/customer?id=" + id + "&done=pause");
    assertThat(winBack.plan(id).orElseThrow().paused()).isTrue();
    assertThat(admin.get("/winback/customer?id=" + id + "&done=pause").body())
        .contains("The plan is paused", "(paused)", "/winback/actions/resume");

    assertThat(admin.post("/winback/actions/resume", action(id, "admin")).statusCode())
        .isEqualTo(303);
    assertThat(winBack.plan(id).orElseThrow().paused()).isFalse();
    assertThat(admin.post("/winback/actions/end", action(id, "admin")).statusCode())
        .isEqualTo(303);
    assertThat(winBack.plan(id).orElseThrow().status()).isEqualTo(PlanStatus.CLOSED);

    assertThat(plans.operatorActions(id))
        .hasSize(3)
        .allSatisfy(e -> assertThat(e.detail()).contains("admin"));
  }

  @Test
  void anAdminSuppressesACustomer() {
    String id = Plans.id("suppress");
    String email = Plans.email("ada");
    plans.person(id, "Ada Lovelace", email);
    Map<String, String> form = action(id, "admin");
    form.put("suppression", "LEGAL_HOLD");

    assertThat(Visitor.signedIn(port, "admin")
            .post("/winback/actions/suppress", form)
            .statusCode())
        .isEqualTo(303);

    assertThat(winBack.plan(id).orElseThrow().status()).isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(plans.operatorActions(id))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("admin"));
  }

  @Test
  void anAdminRetriesAFailedStep() {
    String id = Plans.id(ConsoleApplication.FAILING);
    WinBackPlan failed = plans.failed(id);
    int step = failed.steps().stream()
        .filter(s -> s.status() == StepStatus.FAILED)
        .findFirst()
        .orElseThrow()
        .index();
    Visitor admin = Visitor.signedIn(port, "admin");
    assertThat(admin.get("/winback/customer?id=" + id).body())
        .contains("id=\"retry-" + step + "\"");
    Map<String, String> form = action(id, "admin");
    form.put("step", String.valueOf(step));

    assertThat(admin.post("/winback/actions/retry", form).statusCode()).isEqualTo(303);

    assertThat(winBack.plan(id).orElseThrow().step(step).status()).isEqualTo(StepStatus.PENDING);
    assertThat(plans.operatorActions(id))
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("admin"));
  }

  @Test
  void anActionThatDoesNotApplyIsExplainedAndChangesNothing() {
    String id = Plans.id("ended");
    String email = Plans.email("ada");
    plans.person(id, "Ada Lovelace", email);
    Visitor admin = Visitor.signedIn(port, "admin");
    assertThat(admin.post("/winback/actions/end", action(id, "admin")).statusCode())
        .isEqualTo(303);

    HttpResponse<String> pause = admin.post("/winback/actions/pause", action(id, "admin"));

    assertThat(pause.statusCode()).isEqualTo(409);
    assertThat(pause.body()).contains("id=\"error\"");
    assertThat(winBack.plan(id).orElseThrow().paused()).isFalse();
    assertThat(plans.operatorActions(id)).hasSize(1);
  }

  @Test
  void aViewerCannotActEvenWithAWellFormedForm() {
    String id = Plans.id("viewer-acts");
    String email = Plans.email("ada");
    plans.person(id, "Ada Lovelace", email);

    HttpResponse<String> response =
        Visitor.signedIn(port, "viewer").post("/winback/actions/opt-out", action(id, "viewer"));

    assertThat(response.statusCode()).isEqualTo(403);
    assertThat(winBack.plan(id).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plans.operatorActions(id)).isEmpty();
  }

  @Test
  void anActionWithoutTheTokenWithAWrongOneOrAnotherOperatorsIsRefusedAndChangesNothing() {
    String id = Plans.id("forged");
    String email = Plans.email("ada");
    plans.person(id, "Ada Lovelace", email);
    Visitor admin = Visitor.signedIn(port, "admin");

    assertThat(admin.post("/winback/actions/opt-out", Map.of("customer", id)).statusCode())
        .isEqualTo(403);
    Map<String, String> wrong = action(id, "admin");
    wrong.put(ActionTokens.FIELD, "forged");
    assertThat(admin.post("/winback/actions/opt-out", wrong).statusCode()).isEqualTo(403);
    assertThat(admin.post("/winback/actions/opt-out", action(id, "viewer")).statusCode())
        .isEqualTo(403);
    Map<String, String> otherSecret = action(id, "admin");
    otherSecret.put(
        ActionTokens.FIELD,
        ActionTokens.of(new ConsoleProperties(true, "/winback", "V", "A", false, "x".repeat(32)))
            .tokenFor("admin", id));
    assertThat(admin.post("/winback/actions/opt-out", otherSecret).statusCode()).isEqualTo(403);
    Map<String, String> otherCustomer = action(id, "admin");
    otherCustomer.put(ActionTokens.FIELD, tokens.tokenFor("admin", id + "-other"));
    assertThat(admin.post("/winback/actions/opt-out", otherCustomer).statusCode())
        .as("a token made for another customer's form")
        .isEqualTo(403);

    assertThat(winBack.plan(id).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plans.operatorActions(id)).isEmpty();
  }

  @Test
  void anActionPostedFromAnotherSiteIsRefusedEvenWithTheToken() {
    String id = Plans.id("cross-site");
    String email = Plans.email("ada");
    plans.person(id, "Ada Lovelace", email);

    assertThat(Visitor.signedIn(port, "admin")
            .with("Origin", "https://attacker.example")
            .post("/winback/actions/opt-out", action(id, "admin"))
            .statusCode())
        .isEqualTo(403);
    assertThat(Visitor.signedIn(port, "admin")
            .with("Sec-Fetch-Site", "cross-site")
            .post("/winback/actions/opt-out", action(id, "admin"))
            .statusCode())
        .isEqualTo(403);
    assertThat(winBack.plan(id).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);

    assertThat(Visitor.signedIn(port, "admin")
            .with("Origin", "http://127.0.0.1:" + port)
            .with("Sec-Fetch-Site", "same-origin")
            .post("/winback/actions/opt-out", action(id, "admin"))
            .statusCode())
        .isEqualTo(303);
    assertThat(winBack.plan(id).orElseThrow().status()).isEqualTo(PlanStatus.OPTED_OUT);
  }

  @Test
  void behindAReverseProxyABrowsersSameOriginFormIsAcceptedAnotherSitesIsNot() {
    String id = Plans.id("behind-proxy");
    plans.person(id, "Ada Lovelace", Plans.email("ada"));
    // the browser used the proxy's address; the application sees its own, without forwarded headers
    String publicOrigin = "https://console.example.com";

    assertThat(Visitor.signedIn(port, "admin")
            .with("Origin", "https://attacker.example")
            .with("Sec-Fetch-Site", "cross-site")
            .post("/winback/actions/pause", action(id, "admin"))
            .statusCode())
        .isEqualTo(403);
    assertThat(Visitor.signedIn(port, "admin")
            .with("Origin", publicOrigin)
            .with("Sec-Fetch-Site", "same-origin")
            .post("/winback/actions/pause", action(id, "admin"))
            .statusCode())
        .isEqualTo(303);
    assertThat(winBack.plan(id).orElseThrow().paused()).isTrue();
  }

  @Test
  void theWholeInsightReportIsServedUnderItsOwnStrictPolicy() {
    plans.person(Plans.id("report"), "Ada Lovelace", Plans.email("ada"));

    HttpResponse<String> report = Visitor.signedIn(port, "viewer").get("/winback/report/full");

    assertThat(report.statusCode()).isEqualTo(200);
    assertThat(report.body()).contains("<svg", "WinBack report").doesNotContain("Ada Lovelace");
    String style = report
        .body()
        .substring(
            report.body().indexOf("<style>") + "<style>".length(),
            report.body().indexOf("</style>"));
    assertThat(report.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(csp -> assertThat(csp)
            .contains(
                "default-src 'none'",
                "style-src '" + Html.hashOf(style) + "'",
                "form-action 'none'")
            .doesNotContain("unsafe-inline"));
  }

  @Test
  void anUnknownCustomerIs404() {
    Visitor admin = Visitor.signedIn(port, "admin");

    assertThat(admin.get("/winback/customer?id=nobody-here").statusCode()).isEqualTo(404);
    assertThat(admin
            .post("/winback/actions/opt-out", action("nobody-here", "admin"))
            .statusCode())
        .isEqualTo(404);
  }

  @Test
  void aViewerDoesNotLearnWhichOperatorActedOnlyAnAdminDoes() {
    String id = Plans.id("who-acted");
    plans.person(id, "Ada Lovelace", Plans.email("ada"));
    String operator = "grace.hopper@example.com";
    winBack.operations().pause(id, operator);
    Visitor viewer = Visitor.signedIn(port, "viewer");

    for (String page : new String[] {"/winback", "/winback/customer?id=" + id}) {
      assertThat(viewer.get(page).body())
          .as(page)
          .doesNotContain(operator, "hopper")
          .contains("operator &#39;g••• (masked)&#39; paused the plan");
    }
    assertThat(Visitor.signedIn(port, "admin").get("/winback/customer?id=" + id).body())
        .contains("operator &#39;" + operator + "&#39; paused the plan");
  }

  @Test
  void aMalformedCustomerIdIsABadRequestNotAServerError() {
    Visitor viewer = Visitor.signedIn(port, "viewer");
    Visitor admin = Visitor.signedIn(port, "admin");

    for (String id : new String[] {"x".repeat(256), "line\nbreak", "bell\u0007bell"}) {
      HttpResponse<String> page = viewer.get("/winback/customer?id=" + Visitor.enc(id));
      assertThat(page.statusCode()).as(id).isEqualTo(400);
      assertThat(page.body()).contains("not a customer id");
      assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
      assertThat(admin.post("/winback/actions/pause", action(id, "admin")).statusCode())
          .as(id)
          .isEqualTo(400);
    }
  }

  @Test
  void hostileCustomerIdsAndJournalDetailsAreEscaped() {
    String id = Plans.id("<script>alert('id')</script>");
    plans.person(id, "<img src=x onerror=alert(1)>", Plans.email("ada"));
    String failing = Plans.id(ConsoleApplication.FAILING + "<b>");
    plans.failed(failing);
    Visitor admin = Visitor.signedIn(port, "admin");

    String customer = admin.get("/winback/customer?id=" + Visitor.enc(id)).body();
    String failures = admin.get("/winback/failures").body();
    String overview = admin.get("/winback").body();

    assertThat(customer)
        .doesNotContain("<script", "<img")
        .contains(
            "&lt;script&gt;alert(&#39;id&#39;)&lt;/script&gt;",
            "&lt;img src=x onerror=alert(1)&gt;");
    assertThat(failures)
        .doesNotContain("<script", failing)
        .contains("&lt;script&gt;", Html.esc(failing));
    assertThat(overview).doesNotContain("<script", failing).contains(Html.esc(failing));
  }

  @Test
  void theOverviewShowsTheFunnelTheBacklogAndTheFailures() {
    String failing = Plans.id(ConsoleApplication.FAILING);
    plans.failed(failing);

    String overview = Visitor.signedIn(port, "viewer").get("/winback").body();

    assertThat(overview)
        .contains("id=\"funnel\"", "id=\"backlog\"", "Quarantined", "Opted out", failing);
    for (PlanStatus status : PlanStatus.values()) {
      assertThat(overview).contains(Pages.words(status.name()));
    }
  }

  private Map<String, String> action(String customer, String tokenOf) {
    Map<String, String> form = new HashMap<>();
    form.put("customer", customer);
    form.put(ActionTokens.FIELD, tokens.tokenFor(tokenOf, customer));
    return form;
  }
}
