package dev.winback.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.WinBack;
import dev.winback.web.Browser;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With Spring Security's own CSRF protection on, the console's forms carry its token too, so an admin's actions go
 * through both protections in headless Chromium; a form stripped of the console's token is still refused by the
 * console.
 */
class ConsoleSpringCsrfBrowserTest {
  private static final String STATUS =
      "String(performance.getEntriesByType('navigation')[0].responseStatus)";

  @TempDir
  Path dir;

  private final Apps.App app = Apps.started("console-test.spring-csrf=true");
  private final WinBack winBack = app.winBack();
  private final Plans plans = app.plans();
  private Browser browser;

  @BeforeEach
  void launch() throws Exception {
    browser = Browser.launch(dir);
    browser.call("Network.enable", Map.of());
    browser.call(
        "Network.setExtraHTTPHeaders",
        Map.of("headers", Map.of("Authorization", Visitor.basic("admin"))));
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void anAdminPausesAndResumesAPlanThroughBothProtections() {
    String id = Plans.id("spring-csrf");
    plans.person(id, "Hedy Lamarr", Plans.email("hedy"));
    open("/winback/customer?id=" + id);
    assertThat(browser.eval(
            "String(document.querySelectorAll('#form-pause input[name=_csrf]').length)"))
        .isEqualTo("1");

    browser.clickAndWait("#pause");
    assertThat(browser.eval(STATUS)).isEqualTo("200");
    assertThat(winBack.plan(id).orElseThrow().paused()).isTrue();

    browser.clickAndWait("#resume");
    assertThat(browser.eval(STATUS)).isEqualTo("200");
    assertThat(winBack.plan(id).orElseThrow().paused()).isFalse();
    assertThat(plans.operatorActions(id)).hasSize(2);
  }

  @Test
  void aFormWithSpringSecuritysTokenButWithoutTheConsolesIsRefused() {
    String id = Plans.id("spring-csrf-only");
    plans.person(id, "Hedy Lamarr", Plans.email("hedy"));
    open("/winback/customer?id=" + id);

    browser.eval("document.querySelector('#form-end input[name=action_token]').remove()");
    browser.clickAndWait("#end");

    assertThat(browser.eval(STATUS)).isEqualTo("403");
    assertThat(browser.text()).contains("Form refused");
    assertThat(winBack.plan(id).orElseThrow().status().isActive()).isTrue();
    assertThat(plans.operatorActions(id)).isEmpty();
  }

  private void open(String path) {
    browser.open("http://127.0.0.1:" + app.port() + path);
  }
}
