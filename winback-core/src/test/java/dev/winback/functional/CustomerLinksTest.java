package dev.winback.functional;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.leftBecauseOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.winback.ConfigurationException;
import dev.winback.LinkTarget;
import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.TokenRejectedException;
import dev.winback.TokenRejectedException.Reason;
import dev.winback.WinBack;
import dev.winback.model.EventType;
import dev.winback.model.ExitCategory;
import dev.winback.model.Feedback;
import dev.winback.model.JournalEvent;
import dev.winback.model.LinkPurpose;
import dev.winback.model.PlanStatus;
import dev.winback.model.ReasonSource;
import dev.winback.model.StepKind;
import dev.winback.spi.StepContext;
import dev.winback.testing.Recorder;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * With customer pages, every message carries signed links bound to their purpose, and the pages' answers go through
 * {@code WinBack.links()}: a survey answer, one-click unsubscribe, the way back. A link that is not genuine,
 * unexpired and unused for its purpose changes nothing.
 */
class CustomerLinksTest {
  private static final ReactivationTokens TOKENS = ReactivationTokens.builder()
      .key("k1", "a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8))
      .validFor(Duration.ofDays(30))
      .build();
  private static final URI PAGES = URI.create("https://shop.example/winback");

  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();
  private final WinBack winBack = WinBack.builder()
      .clock(clock)
      .reactivationTokens(TOKENS)
      .customerPages(PAGES)
      .feedback(host)
      .apology(host)
      .incentives(host)
      .reEngagement(host)
      .build();

  private StepContext firstMessage() {
    winBack.start(
        leftBecauseOf("c1", ExitCategory.UNKNOWN).locale(Locale.GERMAN).build());
    winBack.runDue();
    return host.calls().get(0);
  }

  private static String token(String link) {
    return link.substring(link.indexOf("?token=") + "?token=".length());
  }

  private Feedback feedback(String text) {
    return Feedback.of(text, ReasonSource.SURVEY, clock.instant());
  }

  @Test
  void theFeedbackRequestCarriesASurveyAndAnUnsubscribeLinkToThePages() {
    StepContext request = firstMessage();

    assertThat(request.step().kind()).isEqualTo(StepKind.FEEDBACK_REQUEST);
    assertThat(request.links().survey())
        .hasValueSatisfying(l -> assertThat(l).startsWith(PAGES + "/survey?token=wb2."));
    assertThat(request.links().unsubscribe())
        .hasValueSatisfying(l -> assertThat(l).startsWith(PAGES + "/unsubscribe?token=wb2."));
    assertThat(winBack.history("c1"))
        .filteredOn(e -> e.type() == EventType.TOKEN_ISSUED)
        .extracting(JournalEvent::detail)
        .anySatisfy(d -> assertThat(d).startsWith("survey link issued with the FEEDBACK_REQUEST"))
        .anySatisfy(
            d -> assertThat(d).startsWith("unsubscribe link issued with the FEEDBACK_REQUEST"));
  }

  @Test
  void openingALinkShowsWhatItIsForAndChangesNothing() {
    String survey = token(firstMessage().links().survey().orElseThrow());
    List<JournalEvent> before = winBack.history("c1");

    LinkTarget target = winBack.links().open(survey, LinkPurpose.SURVEY);

    assertThat(target.customerId()).isEqualTo("c1");
    assertThat(target.purpose()).isEqualTo(LinkPurpose.SURVEY);
    assertThat(target.locale()).isEqualTo(Locale.GERMAN);
    assertThat(target.expiresAt()).isEqualTo(LOST_AT.plus(Duration.ofDays(30)));
    assertThat(winBack.links().open(survey, LinkPurpose.SURVEY)).isEqualTo(target);
    assertThat(winBack.history("c1")).isEqualTo(before);
  }

  @Test
  void aSurveyAnswerIsRecordedClassifiedAndUsesTheLinkUp() {
    String survey = token(firstMessage().links().survey().orElseThrow());

    winBack.links().answerSurvey(survey, feedback("It was too expensive for us"), true);

    assertThat(winBack.plan("c1").orElseThrow().customer().exitReasons())
        .extracting(r -> r.category())
        .contains(ExitCategory.PRICE);
    assertThat(winBack.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
    assertThatThrownBy(() -> winBack.links().answerSurvey(survey, feedback("again"), true))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_USED));
    assertThatThrownBy(() -> winBack.links().open(survey, LinkPurpose.SURVEY))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_USED));
    assertThat(winBack.history("c1"))
        .filteredOn(e -> e.type() == EventType.FEEDBACK_RECORDED)
        .hasSize(1);
  }

  @Test
  void answersSentAtOnceToOneSurveyLinkRecordOneAnswer() throws Exception {
    String survey = token(firstMessage().links().survey().orElseThrow());
    int answers = 8;
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(answers);
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    List<java.util.concurrent.Future<Boolean>> outcomes = new java.util.ArrayList<>();
    try {
      for (int i = 0; i < answers; i++) {
        outcomes.add(pool.submit(() -> {
          start.await();
          try {
            winBack.links().answerSurvey(survey, feedback("It was too expensive"), true);
            return true;
          } catch (TokenRejectedException e) {
            assertThat(e.reason()).isEqualTo(Reason.ALREADY_USED);
            return false;
          }
        }));
      }
      start.countDown();
      int recorded = 0;
      for (java.util.concurrent.Future<Boolean> outcome : outcomes) {
        recorded += outcome.get(30, java.util.concurrent.TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(recorded).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(winBack.history("c1"))
        .filteredOn(e -> e.type() == EventType.FEEDBACK_RECORDED)
        .hasSize(1);
  }

  @Test
  void aSurveyAnswerThatAsksUsNotToKeepInTouchOptsOut() {
    String survey = token(firstMessage().links().survey().orElseThrow());

    winBack.links().answerSurvey(survey, feedback("I moved abroad"), false);

    assertThat(winBack.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.OPTED_OUT);
  }

  @Test
  void unsubscribingOptsOutOnceAndAgainSucceedsWithoutWritingMore() {
    String unsubscribe = token(firstMessage().links().unsubscribe().orElseThrow());

    assertThat(winBack.links().unsubscribe(unsubscribe).status()).isEqualTo(PlanStatus.OPTED_OUT);
    List<JournalEvent> after = winBack.history("c1");
    assertThat(winBack.links().unsubscribe(unsubscribe).status()).isEqualTo(PlanStatus.OPTED_OUT);
    assertThat(winBack.links().open(unsubscribe, LinkPurpose.UNSUBSCRIBE).customerId())
        .isEqualTo("c1");

    assertThat(winBack.history("c1")).isEqualTo(after);
    clock.advance(Duration.ofDays(30));
    int calls = host.calls().size();
    winBack.runDue();
    assertThat(host.calls()).hasSize(calls);
  }

  @Test
  void aLinkAnsweredForAnotherPurposeIsRefusedAndChangesNothing() {
    StepContext request = firstMessage();
    String survey = token(request.links().survey().orElseThrow());
    String unsubscribe = token(request.links().unsubscribe().orElseThrow());
    List<JournalEvent> before = winBack.history("c1");

    assertThatThrownBy(() -> winBack.links().unsubscribe(survey))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PURPOSE));
    assertThatThrownBy(() -> winBack.links().comeBack(unsubscribe))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PURPOSE));
    assertThatThrownBy(() -> winBack.redeem(survey))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PURPOSE));
    assertThatThrownBy(
            () -> winBack.links().answerSurvey(unsubscribe, feedback("too expensive"), true))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.WRONG_PURPOSE));

    assertThat(winBack.history("c1")).isEqualTo(before);
    assertThat(winBack.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.ACTIVE);
  }

  @Test
  void aTamperedOrExpiredLinkIsRefusedAndChangesNothing() {
    String unsubscribe = token(firstMessage().links().unsubscribe().orElseThrow());
    List<JournalEvent> before = winBack.history("c1");
    char last = unsubscribe.charAt(unsubscribe.length() - 1);
    String tampered =
        unsubscribe.substring(0, unsubscribe.length() - 1) + (last == 'A' ? 'B' : 'A');

    assertThatThrownBy(() -> winBack.links().unsubscribe(tampered))
        .isInstanceOf(TokenRejectedException.class);
    clock.advance(Duration.ofDays(31));
    assertThatThrownBy(() -> winBack.links().unsubscribe(unsubscribe))
        .isInstanceOfSatisfying(
            TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.EXPIRED));

    assertThat(winBack.history("c1")).isEqualTo(before);
  }

  @Test
  void theGoodbyesComeBackLinkBringsTheCustomerBackOnce() {
    winBack.start(leftBecauseOf("c1", ExitCategory.PRICE).build());
    for (int day = 0; day < 5; day++) {
      winBack.runDue();
      clock.advance(Duration.ofDays(1));
    }
    StepContext goodbye = host.calls().stream()
        .filter(c -> c.parts().stream().anyMatch(p -> p.kind() == StepKind.GRACEFUL_GOODBYE))
        .findFirst()
        .orElseThrow();
    String comeBack = token(goodbye.links().comeBack().orElseThrow());
    assertThat(goodbye.comeBackLink()).isEqualTo(goodbye.links().comeBack());

    assertThat(winBack.links().open(comeBack, LinkPurpose.COME_BACK).customerId())
        .isEqualTo("c1");
    assertThat(winBack.links().comeBack(comeBack).customerId()).isEqualTo("c1");

    assertThat(winBack.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.WON_BACK);
    assertThatThrownBy(() -> winBack.links().comeBack(comeBack))
        .isInstanceOfSatisfying(
            TokenRejectedException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.ALREADY_USED));
  }

  @Test
  void customerPagesNeedSignedLinksAndAnAbsoluteAddress() {
    assertThatThrownBy(() -> WinBack.builder()
            .customerPages(PAGES)
            .feedback(host)
            .apology(host)
            .incentives(host)
            .reEngagement(host)
            .build())
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("reactivationTokens");
    assertThatThrownBy(() -> WinBack.builder().customerPages(URI.create("/relative")))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(
            () -> WinBack.builder().customerPages(URI.create("https://shop.example/p?x=1")))
        .isInstanceOf(ConfigurationException.class);
    assertThatThrownBy(() -> WinBack.builder().customerPages(PAGES).customerPages(PAGES))
        .isInstanceOf(ConfigurationException.class);
  }

  @Test
  void withoutPagesMessagesCarryNoLinks() {
    WinBack plain = WinBack.builder()
        .clock(clock)
        .reactivationTokens(TOKENS)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    plain.start(leftBecauseOf("c1", ExitCategory.UNKNOWN).build());
    plain.runDue();

    assertThat(host.calls().get(0).links().unsubscribe()).isEmpty();
    assertThat(host.calls().get(0).links().survey()).isEmpty();
  }
}
