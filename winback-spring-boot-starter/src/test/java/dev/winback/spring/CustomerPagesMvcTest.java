package dev.winback.spring;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.lost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.LinkPurpose;
import dev.winback.spi.StepContext;
import dev.winback.testing.Databases;
import dev.winback.testing.Recorder;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

/**
 * The customer pages served by Spring MVC on a real web server: the links in WinBack's messages open them, their
 * forms answer with the cookie and body they need, and a tampered link is refused.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "winback.runner.enabled=false",
      "winback.default-zone=UTC",
      "winback.reactivation.keys.k1=YSBsaW5rIHNlY3JldCBvZiBhdCBsZWFzdCB0aGlydHktdHdvIGJ5dGVz",
      "winback.customer-pages.base-url=https://shop.example/customer",
      "winback.customer-pages.csrf-secret=YSBmb3JtIHNlY3JldCBvZiBhdCBsZWFzdCB0aGlydHktdHdvIGJ5dGVz"
    })
class CustomerPagesMvcTest {
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10))
      .build();
  private static final Pattern FORM_TOKEN =
      Pattern.compile("name=\"form_token\" value=\"([^\"]+)\"");

  @LocalServerPort
  int port;

  @Autowired
  WinBack winBack;

  @Autowired
  Recorder strategies;

  @Autowired
  ManualClock clock;

  @Test
  void aLinkInAMessageOpensItsPageAndTheFormAnswers() throws Exception {
    winBack.start(lost("c1").build());
    String link = link(LinkPurpose.SURVEY, "c1");
    assertThat(link).startsWith("https://shop.example/customer/survey?token=");

    HttpResponse<String> page = get(local(link));
    assertThat(page.statusCode()).isEqualTo(200);
    Matcher token = FORM_TOKEN.matcher(page.body());
    assertThat(token.find()).as("the survey has a form").isTrue();
    String cookie = page.headers().firstValue("Set-Cookie").orElseThrow();

    HttpResponse<String> thanks = send(HttpRequest.newBuilder(local(link))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Cookie", cookie.substring(0, cookie.indexOf(';')))
        .header("Sec-Fetch-Site", "same-origin")
        .POST(HttpRequest.BodyPublishers.ofString(
            "form_token=" + token.group(1) + "&reason=PRICE&words=Too+dear&keep_in_touch=yes")));

    assertThat(thanks.statusCode()).isEqualTo(200);
    assertThat(thanks.body()).contains("Thank you");
    assertThat(winBack.history("c1"))
        .extracting(JournalEvent::type)
        .contains(EventType.FEEDBACK_RECORDED);
  }

  @Test
  void aTamperedLinkIsRefusedAndChangesNothing() throws Exception {
    winBack.start(lost("c2").build());
    String link = link(LinkPurpose.SURVEY, "c2");
    int before = winBack.history("c2").size();

    HttpResponse<String> forged = get(local(tampered(link)));

    assertThat(forged.statusCode()).isEqualTo(400);
    assertThat(forged.body()).contains("This link is not valid");
    assertThat(winBack.history("c2")).hasSize(before);
  }

  @Test
  void aBodyLargerThanThePagesAcceptIsRefused() throws Exception {
    HttpResponse<String> refused =
        send(HttpRequest.newBuilder(URI.create(origin() + "/customer/survey?token=x"))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("words=" + "a".repeat(70 * 1024))));

    assertThat(refused.statusCode()).isEqualTo(413);
  }

  @Test
  void pathsOutsideThePagesAreLeftToTheApplication() throws Exception {
    assertThat(get(URI.create(origin() + "/customers/survey")).statusCode()).isEqualTo(404);
    assertThat(get(URI.create(origin() + "/customer/nothing-here")).body())
        .doesNotContain("Whitelabel");
  }

  /** The link of the latest message to the customer that carries one; runs the engine six hours at a time. */
  private String link(LinkPurpose purpose, String customerId) {
    for (int hours = 0; hours <= 24 * 60; hours += 6) {
      List<StepContext> calls = strategies.calls();
      for (int i = calls.size() - 1; i >= 0; i--) {
        StepContext message = calls.get(i);
        Optional<String> link = message.links().of(purpose);
        if (message.customer().id().equals(customerId) && link.isPresent()) {
          return link.get();
        }
      }
      winBack.runDue();
      clock.advance(Duration.ofHours(6));
    }
    throw new AssertionError("no message to " + customerId + " carried a " + purpose + " link");
  }

  private String origin() {
    return "http://localhost:" + port;
  }

  /** The link on this test's server instead of the public address. */
  private URI local(String link) {
    return URI.create(origin() + link.substring("https://shop.example".length()));
  }

  private static String tampered(String link) {
    char last = link.charAt(link.length() - 1);
    return link.substring(0, link.length() - 1) + (last == 'A' ? 'B' : 'A');
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(uri).GET());
  }

  private static HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return HTTP.send(
        request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An application with the strategies, a clock the test moves and PostgreSQL. */
  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Application {
    @Bean
    Recorder strategies() {
      return new Recorder();
    }

    @Bean
    ManualClock clock() {
      return ManualClock.at(LOST_AT);
    }

    @Bean
    DataSource dataSource() {
      return Databases.newPostgres();
    }
  }
}
