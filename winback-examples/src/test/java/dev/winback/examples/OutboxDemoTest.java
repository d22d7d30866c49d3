package dev.winback.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.winback.model.PlanStatus;
import dev.winback.model.StepKind;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The README's second command: the outbox demo serves every message as its customer reads it, on the embedded
 * database, and the links in the messages lead to the customer pages, which answer for real.
 */
class OutboxDemoTest {
  private static final Pattern SURVEY =
      Pattern.compile("http://localhost:\\d+/winback/survey\\?token=[\\w.-]+");

  private final OutboxDemo demo = OutboxDemo.start(0, OutboxDemo.FIRST_DAYS);
  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void stop() {
    demo.close();
  }

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theOutboxListsEveryMessageAndShowsEachAsTheCustomerReadsIt() throws Exception {
    HttpResponse<String> outbox = get(demo.address());

    assertThat(outbox.statusCode()).isEqualTo(200);
    assertThat(demo.sent()).hasSizeGreaterThan(30);
    assertThat(outbox.body()).contains(demo.sent().size() + " messages");
    assertThat(demo.sent()).anySatisfy(sent -> assertThat(sent.parts()).hasSizeGreaterThan(1));
    HttpResponse<String> first = get(demo.address().resolve("/message/0"));
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.body()).isEqualTo(demo.sent().get(0).message().html());
    assertThat(get(demo.address().resolve("/message/0.txt")).body())
        .contains(demo.sent().get(0).message().subject());
    assertThat(get(demo.address().resolve("/message/99999")).statusCode()).isEqualTo(404);
  }

  @Test
  void aMessagesSurveyLinkOpensTheSurveyPage() throws Exception {
    OutboxDemo.Sent request = demo.sent().stream()
        .filter(sent -> sent.parts().contains(StepKind.FEEDBACK_REQUEST))
        .findFirst()
        .orElseThrow();
    Matcher link = SURVEY.matcher(request.message().text());
    assertThat(link.find()).as("a survey link in the message").isTrue();

    HttpResponse<String> survey = get(URI.create(link.group()));

    assertThat(survey.statusCode()).isEqualTo(200);
    assertThat(survey.body()).contains("<form").contains("<textarea");
  }

  @Test
  void oneClickUnsubscribeFromAMessageStopsEverythingAfterIt() throws Exception {
    OutboxDemo.Sent message = demo.sent().stream()
        .filter(sent ->
            demo.winBack().plan(sent.customerId()).orElseThrow().status().isActive())
        .filter(sent -> sent.message().unsubscribeLink().isPresent())
        .findFirst()
        .orElseThrow();
    String customer = message.customerId();

    HttpResponse<String> unsubscribed = http.send(
        HttpRequest.newBuilder(URI.create(message.message().unsubscribeLink().orElseThrow()))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    long before =
        demo.sent().stream().filter(s -> s.customerId().equals(customer)).count();
    http.send(
        HttpRequest.newBuilder(demo.address().resolve("/advance"))
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
    demo.runDays(60);

    assertThat(unsubscribed.statusCode()).isEqualTo(200);
    assertThat(demo.winBack().plan(customer).orElseThrow().status())
        .isEqualTo(PlanStatus.OPTED_OUT);
    assertThat(demo.sent().stream().filter(s -> s.customerId().equals(customer)).count())
        .isEqualTo(before);
  }
}
