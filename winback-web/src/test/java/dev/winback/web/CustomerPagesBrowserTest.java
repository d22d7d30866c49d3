package dev.winback.web;

import static dev.winback.testing.Customers.leftBecauseOf;
import static dev.winback.testing.Customers.lost;
import static dev.winback.testing.Customers.worth;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.EventType;
import dev.winback.model.ExitCategory;
import dev.winback.model.LinkPurpose;
import dev.winback.model.PlanStatus;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A person answers the pages in headless Chromium on a phone-sized screen (375 px), following the links of the
 * messages the engine sent: with the mouse, with the keyboard alone, and through a tampered link; the engine behind
 * the pages shows what each answer changed. Driven over the Chrome DevTools Protocol (see {@link Browser}).
 */
class CustomerPagesBrowserTest {
  /** The lowest contrast of any text on the page against its background (WCAG 2 formula). */
  private static final String LOWEST_CONTRAST = """
      (() => {
        const lum = c => { const [r, g, b] = c.match(/[\\d.]+/g).slice(0, 3).map(Number).map(v => {
          v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
          return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
        const background = e => { for (let n = e; n; n = n.parentElement) {
          const c = getComputedStyle(n).backgroundColor; const parts = c.match(/[\\d.]+/g);
          if (parts && (parts.length < 4 || Number(parts[3]) > 0)) return c; } return 'rgb(255, 255, 255)'; };
        let lowest = 21;
        for (const e of document.querySelectorAll('h1, h2, p, li, label, legend, button, textarea, strong')) {
          if (!e.textContent.trim() && e.tagName !== 'TEXTAREA') continue;
          const a = lum(getComputedStyle(e).color), b = lum(background(e));
          lowest = Math.min(lowest, (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05));
        }
        return lowest.toFixed(2);
      })()""";

  /** Fields without a label a screen reader would read out; empty when every field has one. */
  private static final String UNLABELLED =
      "[...document.querySelectorAll('input:not([type=hidden]), textarea')]"
          + ".filter(e => e.labels.length === 0).map(e => e.name).join(',')";

  @TempDir
  Path dir;

  private Site site;
  private Browser browser;

  private String testName = "page";

  @BeforeEach
  void start(org.junit.jupiter.api.TestInfo test) throws Exception {
    testName = test.getTestMethod().map(m -> m.getName()).orElse("page");
    site = new Site();
    browser = Browser.launch(dir);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.close();
    }
    site.close();
  }

  @Test
  void aPersonAnswersTheSurveyAndTheirFeedbackRevisesThePlanAndIsThanked() {
    site.start(lost("c1").build());

    browser.open(site.link(LinkPurpose.SURVEY, "c1"));
    assertReadableOnAPhone("en");
    browser.click("label[for=reason-SERVICE_FAILURE]");
    browser.click("#words");
    browser.type("The app was down for three days & nobody answered <my> tickets");
    browser.clickAndWait("button[type=submit]");

    assertThat(browser.text()).contains("Thank you", "We have your answer");
    assertThat(site.journal("c1"))
        .extracting(e -> e.type())
        .contains(EventType.FEEDBACK_RECORDED, EventType.PLAN_REVISED);
    assertThat(site.plan("c1").status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(site.plan("c1").steps()).anySatisfy(step -> {
      assertThat(step.kind()).isEqualTo(StepKind.THANK_YOU);
      assertThat(step.status()).isEqualTo(StepStatus.PENDING);
    });
  }

  @Test
  void aPersonAnswersTheSurveyWithTheKeyboardAloneInTheirLanguage() {
    site.start(lost("f1").locale(Locale.FRENCH).build());

    browser.open(site.link(LinkPurpose.SURVEY, "f1"));
    assertReadableOnAPhone("fr");
    browser.press("Tab");
    assertThat(browser.eval("document.activeElement.id")).isEqualTo("reason-PRICE");
    assertThat(browser.eval("getComputedStyle(document.activeElement).outlineStyle"))
        .isNotEqualTo("none");
    browser.press("ArrowDown");
    assertThat(browser.eval("document.querySelector('input[name=reason]:checked').value"))
        .isEqualTo("COMPETITOR_OFFER");
    browser.press("Tab");
    assertThat(browser.eval("document.activeElement.id")).isEqualTo("words");
    browser.type("Une offre moins chère ailleurs");
    browser.press("Tab");
    assertThat(browser.eval("document.activeElement.name")).isEqualTo("keep_in_touch");
    browser.press("Tab");
    assertThat(browser.eval("document.activeElement.tagName")).isEqualTo("BUTTON");
    browser.pressAndWait("Enter");

    assertThat(browser.eval("document.documentElement.lang")).isEqualTo("fr");
    assertThat(browser.text()).contains("Merci");
    assertThat(site.journal("f1")).extracting(e -> e.type()).contains(EventType.FEEDBACK_RECORDED);
  }

  @Test
  void aPersonComesBackWithOneClickAndThePlanEndsWonBack() {
    site.start(leftBecauseOf("c2", ExitCategory.PRICE)
        .value(worth("80.00"))
        .locale(Locale.GERMAN)
        .build());

    // the link of the message that made the offer: a link grants only offers made by then
    browser.open(site.link(
        LinkPurpose.COME_BACK,
        "c2",
        message -> message.parts().stream().anyMatch(part -> part.offer().isPresent())));
    assertReadableOnAPhone("de");
    assertThat(browser.text())
        .contains("Ihr Angebot:", "Gültig bis", "Ihre Daten und Einstellungen");
    assertThat(site.plan("c2").status()).isEqualTo(PlanStatus.ACTIVE);
    browser.clickAndWait("button[type=submit]");

    assertThat(browser.text()).contains("Sie sind wieder da", "Ihr Angebot ist aktiv:");
    assertThat(site.plan("c2").status()).isEqualTo(PlanStatus.WON_BACK);
  }

  @Test
  void aPersonUnsubscribesAndNothingMoreIsSent() {
    site.start(lost("c3").locale(new Locale("es")).build());
    String link = site.link(LinkPurpose.UNSUBSCRIBE, "c3");
    int sent = site.host.calls().size();

    browser.open(link);
    assertReadableOnAPhone("es");
    browser.clickAndWait("button[type=submit]");
    site.runDays(90);

    assertThat(browser.text()).contains("Se ha dado de baja");
    assertThat(site.plan("c3").status()).isEqualTo(PlanStatus.OPTED_OUT);
    assertThat(site.host.calls()).hasSize(sent);
  }

  @Test
  void aPersonOpeningATamperedLinkSeesTheRefusalAndNothingIsWritten() {
    site.start(lost("c4").build());
    String link = site.link(LinkPurpose.COME_BACK, "c4");
    int written = site.journal("c4").size();

    browser.open(link.substring(0, link.length() - 1) + "9");
    assertReadableOnAPhone("en");

    assertThat(browser.text()).contains("This link does not work", "Nothing was changed");
    assertThat(browser.eval("document.forms.length")).isEqualTo("0");
    assertThat(site.journal("c4")).hasSize(written);
    assertThat(site.plan("c4").status()).isEqualTo(PlanStatus.ACTIVE);
  }

  /** Checks the page a person sees, and keeps a picture of it in target/screenshots for people to look at. */
  private void assertReadableOnAPhone(String language) {
    try {
      browser.screenshot(Path.of("target", "screenshots", testName + ".png"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    assertThat(browser.eval("document.documentElement.lang")).isEqualTo(language);
    assertThat(browser.eval("window.innerWidth")).isEqualTo("375");
    assertThat(Integer.parseInt(browser.eval("document.documentElement.scrollWidth")))
        .as("no horizontal scrolling at 375 px")
        .isLessThanOrEqualTo(375);
    assertThat(Double.parseDouble(browser.eval(LOWEST_CONTRAST)))
        .as("text contrast")
        .isGreaterThanOrEqualTo(4.5);
    assertThat(browser.eval(UNLABELLED)).as("fields without a label").isEmpty();
    assertThat(browser.eval("document.querySelectorAll('script').length")).isEqualTo("0");
  }
}
