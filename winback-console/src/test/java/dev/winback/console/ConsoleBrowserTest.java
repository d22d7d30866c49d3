package dev.winback.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.WinBack;
import dev.winback.model.EventType;
import dev.winback.model.PlanStatus;
import dev.winback.web.Browser;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operators use the console in headless Chromium on a phone-sized screen (375 px), signed in with HTTP Basic (the
 * Authorization header set over the DevTools protocol): a viewer reads every page with personal data masked, an
 * admin acts, and forged or unauthorised actions are refused and change nothing. Spring Security's own CSRF protection
 * is off here, so that the console's own protection is what refuses; {@link ConsoleSpringCsrfBrowserTest} has it on.
 */
class ConsoleBrowserTest {
  /** Whether the page is wider than the screen, which on a phone means scrolling sideways. */
  private static final String OVERFLOWS =
      "document.documentElement.scrollWidth > window.innerWidth";

  /** The HTTP status of the page in the browser. */
  private static final String STATUS =
      "String(performance.getEntriesByType('navigation')[0].responseStatus)";

  @TempDir
  Path dir;

  private final Apps.App app = Apps.started();
  private final WinBack winBack = app.winBack();
  private final Plans plans = app.plans();
  private Browser browser;

  @BeforeEach
  void launch() throws Exception {
    browser = Browser.launch(dir);
    browser.call("Network.enable", Map.of());
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aViewerReadsEveryPageWithPersonalDataMaskedAndNothingOverflowsAPhone() throws Exception {
    String id = Plans.id("viewer-reads");
    String email = Plans.email("hedy");
    plans.person(id, "Hedy Lamarr", email);
    plans.failed(Plans.id(ConsoleApplication.FAILING));
    signIn("viewer");

    open("/winback");
    assertThat(browser.text())
        .contains("Overview", "Plans by status", "Backlog", "Recent failures", "viewer");
    browser.screenshot(Path.of("target", "screenshots", "console-overview-viewer.png"));
    open("/winback/customer?id=" + id);
    assertThat(browser.text())
        .contains(id, "Steps", "Journal", "masked")
        .doesNotContain("Hedy", "Lamarr", email);
    assertThat(browser.eval("String(document.querySelectorAll('form[method=post]').length)"))
        .isEqualTo("0");
    browser.screenshot(Path.of("target", "screenshots", "console-customer-viewer.png"));
    open("/winback/failures");
    assertThat(browser.text())
        .contains("Failed steps", "Quarantined plans", ConsoleApplication.FAILING);
    open("/winback/report");
    assertThat(browser.text()).contains("Funnel", "Won back by exit reason");
    browser.screenshot(Path.of("target", "screenshots", "console-report-viewer.png"));
  }

  @Test
  void anAdminSeesWhoTheCustomerIsAndOptsThemOut() throws Exception {
    String id = Plans.id("opt-out");
    String email = Plans.email("hedy");
    plans.person(id, "Hedy Lamarr", email);
    signIn("admin");

    open("/winback/customer?id=" + id);
    assertThat(browser.text()).contains("Hedy Lamarr", email);
    browser.screenshot(Path.of("target", "screenshots", "console-customer-admin.png"));
    browser.clickAndWait("#opt-out");

    assertThat(browser.eval(STATUS)).as(browser.text()).isEqualTo("200");
    assertThat(browser.eval("location.search")).contains("done=opt-out");
    assertThat(browser.text())
        .contains("The customer is opted out.", "Opted out", "Operator action");
    assertThat(winBack.plan(id).orElseThrow().status()).isEqualTo(PlanStatus.OPTED_OUT);
    assertThat(winBack.history(id))
        .filteredOn(e -> e.type() == EventType.OPERATOR_ACTION)
        .singleElement()
        .satisfies(e -> assertThat(e.detail()).contains("admin"));
    assertThat(browser.eval(OVERFLOWS)).isEqualTo("false");
  }

  @Test
  void aViewerWhoPostsAnActionIsRefusedWith403() {
    String id = Plans.id("viewer-posts");
    plans.person(id, "Hedy Lamarr", Plans.email("hedy"));
    signIn("viewer");
    open("/winback/customer?id=" + id);

    // the viewer's page has no form: the viewer builds one, with a token made for them under the
    // right secret
    post("/winback/actions/opt-out", id, app.tokens().tokenFor("viewer", id));

    assertThat(browser.eval(STATUS)).isEqualTo("403");
    assertThat(browser.text()).contains("read-only");
    assertThat(winBack.plan(id).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(plans.operatorActions(id)).isEmpty();
  }

  @Test
  void anAdminFormWithoutItsTokenOrWithAWrongOneIsRefusedAndChangesNothing() {
    String id = Plans.id("no-token");
    plans.person(id, "Hedy Lamarr", Plans.email("hedy"));
    signIn("admin");

    open("/winback/customer?id=" + id);
    browser.eval("document.querySelector('#form-pause input[name=action_token]').remove()");
    browser.clickAndWait("#pause");
    assertThat(browser.eval(STATUS)).isEqualTo("403");
    assertThat(browser.text()).contains("Form refused");

    open("/winback/customer?id=" + id);
    browser.eval("document.querySelector('#form-end input[name=action_token]').value = 'forged'");
    browser.clickAndWait("#end");
    assertThat(browser.eval(STATUS)).isEqualTo("403");

    assertThat(winBack.plan(id).orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(winBack.plan(id).orElseThrow().paused()).isFalse();
    assertThat(plans.operatorActions(id)).isEmpty();
  }

  @Test
  void anAnonymousVisitorGets401() {
    open("/winback");
    assertThat(browser.eval(STATUS)).isEqualTo("401");
    assertThat(browser.text()).contains("Sign in").doesNotContain("Plans by status");
    open("/winback/report");
    assertThat(browser.eval(STATUS)).isEqualTo("401");
  }

  @Test
  void hostileTextIsShownAsTextAndNeverRuns() {
    String id = Plans.id("<script>document.title='pwned'</script>");
    plans.person(id, "<img src=x onerror=\"document.title='pwned'\">", Plans.email("hedy"));
    signIn("admin");

    open("/winback/customer?id=" + Visitor.enc(id));

    assertThat(browser.eval("document.title")).isNotEqualTo("pwned").endsWith("· WinBack console");
    assertThat(browser.eval("String(document.querySelectorAll('main script, main img').length)"))
        .isEqualTo("0");
    assertThat(browser.text()).contains(id, "<img src=x onerror=");
    assertThat(browser.eval(OVERFLOWS)).isEqualTo("false");
  }

  private void signIn(String user) {
    browser.call(
        "Network.setExtraHTTPHeaders",
        Map.of("headers", Map.of("Authorization", Visitor.basic(user))));
  }

  private void open(String path) {
    browser.open("http://127.0.0.1:" + app.port() + path);
    if (browser.eval(STATUS).equals("200")) {
      assertThat(browser.eval(OVERFLOWS))
          .as(path + " scrolls sideways at 375 px")
          .isEqualTo("false");
    }
  }

  /** Posts an action from the page, as a form the person made would. */
  private void post(String path, String customer, String token) {
    browser.eval(
        "(() => { const f = document.createElement('form'); f.method = 'post'; f.action = "
            + Browser.quote(path) + "; f.id = 'made';"
            + " for (const [n, v] of [['customer', " + Browser.quote(customer)
            + "], ['action_token', "
            + Browser.quote(token)
            + "]]) { const i = document.createElement('input'); i.type = 'hidden';"
            + " i.name = n; i.value = v; f.appendChild(i); }"
            + " const b = document.createElement('button'); b.type = 'submit'; b.id = 'made-submit';"
            + " b.textContent = 'Send'; f.appendChild(b); document.querySelector('main').appendChild(f); })()");
    browser.clickAndWait("#made-submit");
  }
}
