package dev.winback.web;

import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.EventType;
import dev.winback.model.ExitTerms;
import dev.winback.model.LinkPurpose;
import dev.winback.model.PlanStatus;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pages over plain HTTP on the JDK's server: what each answers, what it refuses, and what it changes. */
class CustomerPagesHttpTest {
  private Site site;

  @BeforeEach
  void start() throws Exception {
    site = new Site();
    site.start(lost("c1").build());
  }

  @AfterEach
  void stop() {
    site.close();
  }

  @Test
  void theSurveyOffersEveryReasonACustomerMayGiveInTheirLanguage() {
    site.start(lost("de1").locale(Locale.GERMAN).build());

    HttpResponse<String> page = Http.get(site.link(LinkPurpose.SURVEY, "de1"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("<html lang=\"de\">", "Warum haben Sie uns verlassen?", "<fieldset>", "<legend>")
        .contains("value=\"PRICE\"", "value=\"TOO_MANY_MESSAGES\"", "value=\"UNKNOWN\"")
        .contains(
            "<label for=\"words\">".replace("<label", "<label class=\"field\""),
            "name=\"keep_in_touch\"")
        .doesNotContain("DECEASED", "LEGAL_HOLD", "DO_NOT_CONTACT", "<script");
  }

  @Test
  void aSurveyAnswerIsRecordedOnceAndThanked() {
    String link = site.link(LinkPurpose.SURVEY, "c1");
    Http.Form form = Http.Form.of(Http.get(link));

    HttpResponse<String> thanks =
        form.post(link, "reason=PRICE&words=Too+expensive+for+me&keep_in_touch=yes");
    HttpResponse<String> again = form.post(link, "reason=PRICE&words=Again&keep_in_touch=yes");

    assertThat(thanks.statusCode()).isEqualTo(200);
    assertThat(thanks.body()).contains("Thank you");
    assertThat(site.journal("c1"))
        .filteredOn(e -> e.type() == EventType.FEEDBACK_RECORDED)
        .hasSize(1);
    assertThat(site.plan("c1").status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(again.statusCode()).isEqualTo(410);
  }

  @Test
  void aSurveyWithoutAnAnswerIsShownAgainWithWhatWasMissingAndRecordsNothing() {
    String link = site.link(LinkPurpose.SURVEY, "c1");
    int before = site.journal("c1").size();

    HttpResponse<String> page =
        Http.Form.of(Http.get(link)).post(link, "words=++&keep_in_touch=yes");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body())
        .contains("role=\"alert\"", "Please choose a reason", "name=\"form_token\"");
    assertThat(site.journal("c1")).hasSize(before);
  }

  @Test
  void leavingKeepInTouchUntickedOptsTheCustomerOut() {
    String link = site.link(LinkPurpose.SURVEY, "c1");

    HttpResponse<String> thanks = Http.Form.of(Http.get(link)).post(link, "reason=MOVED");

    assertThat(thanks.body()).contains("We will not contact you again");
    assertThat(site.plan("c1").status()).isEqualTo(PlanStatus.OPTED_OUT);
  }

  @Test
  void theComeBackPageShowsWhatTheyKeepAndOnlyThePostBringsThemBack() {
    site.start(lost("k1")
        .exitTerms(ExitTerms.builder().addKeeps("Your <b>order</b> history").build())
        .build());
    String link = site.comeBackLink("k1");

    HttpResponse<String> page = Http.get(link);
    Http.get(link);

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("Your &lt;b&gt;order&lt;/b&gt; history")
        .doesNotContain("<b>order");
    assertThat(site.plan("k1").status()).isEqualTo(PlanStatus.ACTIVE);

    HttpResponse<String> back = Http.Form.of(page).post(link, "");

    assertThat(back.statusCode()).isEqualTo(200);
    assertThat(back.body()).contains("You are back", "Your &lt;b&gt;order&lt;/b&gt; history");
    assertThat(site.plan("k1").status()).isEqualTo(PlanStatus.WON_BACK);
    assertThat(Http.Form.of(page).post(link, "").statusCode()).isEqualTo(410);
  }

  @Test
  void oneClickUnsubscribeNeedsNoCookieNorFormTokenAndCanBeRepeated() {
    String link = site.link(LinkPurpose.UNSUBSCRIBE, "c1");

    HttpResponse<String> first = Http.post(link, "List-Unsubscribe=One-Click");
    HttpResponse<String> second = Http.post(link, "List-Unsubscribe=One-Click");

    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(second.statusCode()).isEqualTo(200);
    assertThat(site.plan("c1").status()).isEqualTo(PlanStatus.OPTED_OUT);
  }

  @Test
  void oneClickUnsubscribeAlsoArrivesAsMultipartFormData() {
    String link = site.link(LinkPurpose.UNSUBSCRIBE, "c1");
    String body = "--b0undary\r\nContent-Disposition: form-data; name=\"List-Unsubscribe\"\r\n\r\n"
        + "One-Click\r\n--b0undary--\r\n";

    HttpResponse<String> done =
        Http.post(link, body, "Content-Type", "multipart/form-data; boundary=b0undary");

    assertThat(done.statusCode()).isEqualTo(200);
    assertThat(site.plan("c1").status()).isEqualTo(PlanStatus.OPTED_OUT);
  }

  @Test
  void openingTheUnsubscribeLinkOnlyAsksAndTheFormOptsOut() {
    String link = site.link(LinkPurpose.UNSUBSCRIBE, "c1");

    HttpResponse<String> page = Http.get(link);

    assertThat(page.body()).contains("Do you want to stop receiving messages");
    assertThat(site.plan("c1").status()).isEqualTo(PlanStatus.ACTIVE);

    HttpResponse<String> done = Http.Form.of(page).post(link, "");
    HttpResponse<String> again = Http.Form.of(Http.get(link)).post(link, "");

    assertThat(done.body()).contains("You are unsubscribed");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(site.plan("c1").status()).isEqualTo(PlanStatus.OPTED_OUT);
  }

  @Test
  void aFormPostedWithoutItsCookieIsRefusedAndChangesNothing() {
    String link = site.comeBackLink("c1");
    Http.Form form = Http.Form.of(Http.get(link));

    HttpResponse<String> refused =
        Http.post(link, "form_token=" + form.token(), "Sec-Fetch-Site", "same-origin");

    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("This form has expired or was sent from another site");
    assertThat(site.plan("c1").status()).isEqualTo(PlanStatus.ACTIVE);
  }

  @Test
  void aFormTokenIsBoundToItsCookieItsLinkAndItsTime() {
    String link = site.comeBackLink("c1");
    String other = site.comeBackLink("c1");
    Http.Form form = Http.Form.of(Http.get(link));
    Http.Form otherForm = Http.Form.of(Http.get(other));
    Http.Form otherCookie = Http.Form.of(Http.get(link));

    assertThat(new Http.Form(otherForm.token(), form.cookie()).post(link, "").statusCode())
        .isEqualTo(403);
    assertThat(new Http.Form(form.token(), otherCookie.cookie()).post(link, "").statusCode())
        .isEqualTo(403);
    assertThat(new Http.Form(form.token() + "x", form.cookie()).post(link, "").statusCode())
        .isEqualTo(403);
    site.clock.advance(Csrf.VALID_FOR.plusMinutes(1));
    assertThat(form.post(link, "").statusCode()).isEqualTo(403);
    assertThat(site.plan("c1").status()).isEqualTo(PlanStatus.ACTIVE);
  }

  @Test
  void aFormPostedFromAnotherSiteIsRefused() {
    String link = site.link(LinkPurpose.UNSUBSCRIBE, "c1");
    Http.Form form = Http.Form.of(Http.get(link));
    String fields = "form_token=" + form.token();

    HttpResponse<String> crossSite =
        Http.post(link, fields, "Cookie", form.cookie(), "Sec-Fetch-Site", "cross-site");
    HttpResponse<String> foreignOrigin =
        Http.post(link, fields, "Cookie", form.cookie(), "Origin", "https://evil.example");

    assertThat(crossSite.statusCode()).isEqualTo(403);
    assertThat(foreignOrigin.statusCode()).isEqualTo(403);
    assertThat(site.plan("c1").status()).isEqualTo(PlanStatus.ACTIVE);
    assertThat(Http.post(link, fields, "Cookie", form.cookie(), "Origin", site.origin)
            .statusCode())
        .isEqualTo(200);
  }

  @Test
  void theFormCookieIsStrictlySameSiteAndHiddenFromScripts() {
    HttpResponse<String> page = Http.get(site.link(LinkPurpose.SURVEY, "c1"));

    assertThat(Http.header(page, "Set-Cookie").orElseThrow())
        .contains("Path=/customer", "HttpOnly", "Secure", "SameSite=Strict");
  }

  @Test
  void everyResponseForbidsScriptsFramingCachingSniffingAndReferrers() {
    for (HttpResponse<String> response : java.util.List.of(
        Http.get(site.link(LinkPurpose.SURVEY, "c1")),
        Http.get(site.origin + "/customer/survey?token=forged"),
        Http.get(site.origin + "/customer/nowhere"),
        Http.post(site.link(LinkPurpose.UNSUBSCRIBE, "c1"), "List-Unsubscribe=One-Click"))) {
      assertThat(Http.header(response, "Content-Security-Policy").orElseThrow())
          .contains("default-src 'none'", "frame-ancestors 'none'", "form-action 'self'")
          .doesNotContain("unsafe-inline", "script-src");
      assertThat(Http.header(response, "Referrer-Policy")).contains("no-referrer");
      assertThat(Http.header(response, "Cache-Control")).contains("no-store");
      assertThat(Http.header(response, "X-Content-Type-Options")).contains("nosniff");
      assertThat(Http.header(response, "Content-Type")).contains("text/html; charset=utf-8");
    }
  }

  @Test
  void aLinkThatIsNotGenuineIsRefusedWith400AndChangesNothing() {
    String unsubscribe = site.link(LinkPurpose.UNSUBSCRIBE, "c1");
    String surveyLink = site.link(LinkPurpose.SURVEY, "c1");
    int before = site.journal("c1").size();
    String survey = site.origin + "/customer/survey";

    assertThat(Http.get(survey + "?token=%3Cscript%3E").statusCode()).isEqualTo(400);
    assertThat(Http.get(survey).statusCode()).isEqualTo(400);
    assertThat(
            Http.post(Site.tampered(unsubscribe), "List-Unsubscribe=One-Click").statusCode())
        .isEqualTo(400);
    HttpResponse<String> forged = Http.get(Site.tampered(surveyLink));
    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("This link is not valid", "Nothing was changed");
    assertThat(site.journal("c1")).hasSize(before);
  }

  @Test
  void aLinkOpenedOnAnotherPageIsRefusedWith400() {
    String survey = site.link(LinkPurpose.SURVEY, "c1");
    String unsubscribe = site.link(LinkPurpose.UNSUBSCRIBE, "c1");

    HttpResponse<String> page = Http.get(survey.replace("/survey?", "/come-back?"));
    HttpResponse<String> oneClick =
        Http.post(survey.replace("/survey?", "/unsubscribe?"), "List-Unsubscribe=One-Click");
    HttpResponse<String> asSurvey = Http.get(unsubscribe.replace("/unsubscribe?", "/survey?"));

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("This link belongs to a different page");
    assertThat(oneClick.statusCode()).isEqualTo(400);
    assertThat(asSurvey.statusCode()).isEqualTo(400);
    assertThat(site.plan("c1").status()).isEqualTo(PlanStatus.ACTIVE);
  }

  @Test
  void anExpiredLinkIsGoneWith410() {
    String link = site.comeBackLink("c1");
    site.clock.advance(Site.LINKS_VALID_FOR.plusDays(1));

    HttpResponse<String> page = Http.get(link);

    assertThat(page.statusCode()).isEqualTo(410);
    assertThat(page.body()).contains("This link has expired");
  }

  @Test
  void aLinkWhoseCustomerIsErasedIsNotFoundWith404() {
    String link = site.link(LinkPurpose.SURVEY, "c1");
    site.winBack.erase("c1");

    HttpResponse<String> page = Http.get(link);

    assertThat(page.statusCode()).isEqualTo(404);
  }

  @Test
  void aRefusalIsWrittenInTheBrowsersLanguage() {
    HttpResponse<String> page = Http.get(
        site.origin + "/customer/come-back?token=x",
        "Accept-Language",
        "fr-CH, fr;q=0.9, en;q=0.5");

    assertThat(page.body()).contains("<html lang=\"fr\">", "Ce lien n&#39;est pas valide");
  }

  @Test
  void anUnknownPageIs404AndAnotherMethodIs405() {
    assertThat(Http.get(site.origin + "/customer/admin?token=x").statusCode()).isEqualTo(404);
    HttpResponse<String> put =
        Http.send(HttpRequest.newBuilder(site.uri("/customer/survey?token=x"))
            .PUT(HttpRequest.BodyPublishers.ofString("")));
    assertThat(put.statusCode()).isEqualTo(405);
    assertThat(Http.header(put, "Allow")).contains("GET, POST");
  }

  @Test
  void aBodyOverTheLimitIsRefusedWith413AndChangesNothing() {
    String link = site.link(LinkPurpose.UNSUBSCRIBE, "c1");

    HttpResponse<String> refused = Http.post(
        link, "List-Unsubscribe=One-Click&pad=" + "x".repeat(CustomerPages.MAX_BODY_BYTES));

    assertThat(refused.statusCode()).isEqualTo(413);
    assertThat(site.plan("c1").status()).isEqualTo(PlanStatus.ACTIVE);
  }
}
