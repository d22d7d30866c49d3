package dev.winback.functional;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.leftBecauseOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import dev.winback.model.Suppression;
import dev.winback.spi.MessageLinks;
import dev.winback.spi.PlanStore;
import dev.winback.spi.StepContext;
import dev.winback.spi.StockStores;
import dev.winback.testing.CapturedLog;
import dev.winback.testing.Recorder;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The customer links under attack: hostile and forged tokens, links answered after the plan ended or the customer
 * was erased. Every refusal says only why, changes nothing and names nobody.
 */
class CustomerLinksAttackTest {
  private static final byte[] SECRET =
      "a secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8);
  private static final ReactivationTokens TOKENS =
      ReactivationTokens.builder().key("k1", SECRET).build();
  private static final URI PAGES = URI.create("https://shop.example/winback");

  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final Recorder host = new Recorder();
  private final PlanStore store = PlanStore.inMemory();
  private final WinBack winBack = WinBack.builder()
      .clock(clock)
      .store(store)
      .reactivationTokens(TOKENS)
      .customerPages(PAGES)
      .feedback(host)
      .apology(host)
      .incentives(host)
      .reEngagement(host)
      .build();

  private MessageLinks firstMessage() {
    winBack.start(leftBecauseOf("c1", ExitCategory.UNKNOWN).build());
    winBack.runDue();
    return host.calls().get(0).links();
  }

  private static String token(java.util.Optional<String> link) {
    String address = link.orElseThrow();
    return address.substring(address.indexOf("?token=") + "?token=".length());
  }

  private Feedback feedback(String text) {
    return Feedback.of(text, ReasonSource.SURVEY, clock.instant());
  }

  /** A token signed with the engine's own key, as only someone holding the key could make it. */
  private static String signed(String version, byte[] payload) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    String body = version + ".k1." + base64.encodeToString(payload);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET, "HmacSHA256"));
      return body + "."
          + base64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] payload(int purposeBytes, byte purpose) {
    ByteBuffer buffer = ByteBuffer.allocate(16 + 8 + purposeBytes)
        .put(new byte[16])
        .putLong(LOST_AT.plus(Duration.ofDays(1)).getEpochSecond());
    if (purposeBytes > 0) {
      buffer.put(purpose);
    }
    return buffer.array();
  }

  private void everyAnswerRefuses(String token, Reason reason) {
    Consumer<Runnable> refused = answer -> assertThatThrownBy(answer::run)
        .isInstanceOfSatisfying(TokenRejectedException.class, e -> {
          assertThat(e.reason()).isEqualTo(reason);
          assertThat(e.getMessage()).doesNotContain(token);
        });
    for (LinkPurpose purpose : LinkPurpose.values()) {
      refused.accept(() -> winBack.links().open(token, purpose));
    }
    refused.accept(() -> winBack.links().answerSurvey(token, feedback("too expensive"), false));
    refused.accept(() -> winBack.links().unsubscribe(token));
    refused.accept(() -> winBack.links().comeBack(token));
    refused.accept(() -> winBack.redeem(token));
  }

  @ParameterizedTest
  @ValueSource(ints = {3, 4, 127, -1, -128})
  void aSignedTokenWithAPurposeOutOfRangeIsMalformed(int purpose) {
    firstMessage();
    List<JournalEvent> before = winBack.history("c1");

    everyAnswerRefuses(signed("wb2", payload(1, (byte) purpose)), Reason.MALFORMED);

    assertThat(winBack.history("c1")).isEqualTo(before);
  }

  @Test
  void aSignedTokenWhosePayloadDoesNotFitItsVersionIsMalformed() {
    firstMessage();

    everyAnswerRefuses(signed("wb2", payload(0, (byte) 0)), Reason.MALFORMED);
    everyAnswerRefuses(signed("wb1", payload(1, (byte) 0)), Reason.MALFORMED);
    everyAnswerRefuses(signed("wb2", new byte[26]), Reason.MALFORMED);
    everyAnswerRefuses(signed("wb3", payload(1, (byte) 0)), Reason.MALFORMED);
  }

  @Test
  void aSignedTokenForAGrantNeverIssuedIsNotFound() {
    firstMessage();

    String unissued = signed("wb2", payload(1, (byte) LinkPurpose.UNSUBSCRIBE.ordinal()));

    assertThatThrownBy(() -> winBack.links().unsubscribe(unissued))
        .isInstanceOfSatisfying(
            TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        ".",
        "...",
        "wb2...",
        "wb2.k1..",
        "wb2.k1.AAAA.AAAA",
        "wb2.k1.AAAA.AAAA.AAAA",
        "wb2.unknown-key.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.AAAA",
        "wb2.k1.ÄÖÜ.ß",
        "wb2.k1.%00%00.%00",
        "wb2.k1.AA==.AA==",
        "wb2.../../etc/passwd.AAAA.AAAA",
        " wb2.k1.AAAA.AAAA",
        "wb2.k1.AAAA.AAAA\n",
        "<script>alert(1)</script>"
      })
  void hostileTokensAreRefusedWithoutEchoingThem(String hostile) throws Exception {
    firstMessage();
    List<JournalEvent> before = winBack.history("c1");

    String log = CapturedLog.during(() -> {
      for (LinkPurpose purpose : LinkPurpose.values()) {
        assertThatThrownBy(() -> winBack.links().open(hostile, purpose))
            .isInstanceOf(TokenRejectedException.class)
            .hasMessageNotContaining(hostile.isEmpty() ? "\u0000" : hostile);
      }
      assertThatThrownBy(() -> winBack.links().unsubscribe(hostile))
          .isInstanceOf(TokenRejectedException.class);
    });

    assertThat(log).doesNotContain(hostile.isBlank() ? "\u0000" : hostile.strip());
    assertThat(winBack.history("c1")).isEqualTo(before);
  }

  @Test
  void aVeryLongTokenIsRefusedBeforeItIsParsed() {
    String huge = "wb2.k1." + "A".repeat(1_000_000) + ".AAAA";

    assertThatThrownBy(() -> winBack.links().open(huge, LinkPurpose.SURVEY))
        .isInstanceOfSatisfying(
            TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void unsubscribingAfterTheCustomerCameBackKeepsThemWonBackAndStopsContact() {
    MessageLinks links = firstMessage();
    winBack.markWonBack("c1");

    assertThat(winBack.links().unsubscribe(token(links.unsubscribe())).status())
        .isEqualTo(PlanStatus.WON_BACK);
    assertThat(winBack.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.WON_BACK);
    assertThat(winBack.plan("c1").orElseThrow().customer().contactPoints())
        .allSatisfy(point -> assertThat(point.consent().name()).isEqualTo("WITHDRAWN"));
  }

  @Test
  void unsubscribingAfterASuppressionKeepsTheSuppression() {
    MessageLinks links = firstMessage();
    winBack.suppress("c1", Suppression.LEGAL_HOLD);

    assertThat(winBack.links().unsubscribe(token(links.unsubscribe())).status())
        .isEqualTo(PlanStatus.SUPPRESSED);
    assertThat(winBack.plan("c1").orElseThrow().customer().suppression())
        .contains(Suppression.LEGAL_HOLD);
  }

  @Test
  void unsubscribingAfterTheSurveyAlreadyOptedThemOutKeepsThemOptedOut() {
    MessageLinks links = firstMessage();
    winBack.links().answerSurvey(token(links.survey()), feedback("I moved abroad"), false);

    assertThat(winBack.links().unsubscribe(token(links.unsubscribe())).status())
        .isEqualTo(PlanStatus.OPTED_OUT);
    clock.advance(Duration.ofDays(60));
    int calls = host.calls().size();
    winBack.runDue();
    assertThat(host.calls()).hasSize(calls);
  }

  @Test
  void aSurveyAnsweredAfterTheCustomerCameBackIsRecordedAndTheyStayWonBack() {
    MessageLinks links = firstMessage();
    winBack.markWonBack("c1");

    assertThat(winBack
            .links()
            .answerSurvey(token(links.survey()), feedback("It was too expensive"), true)
            .status())
        .isEqualTo(PlanStatus.WON_BACK);
    assertThat(winBack.history("c1"))
        .filteredOn(e -> e.type() == EventType.FEEDBACK_RECORDED)
        .hasSize(1);
  }

  @Test
  void everyLinkOfAnErasedCustomerIsNotFoundAndWritesNothing() {
    MessageLinks links = firstMessage();
    String survey = token(links.survey());
    String unsubscribe = token(links.unsubscribe());
    winBack.erase("c1");
    String before = StockStores.dump(store);

    for (String token : List.of(survey, unsubscribe)) {
      for (LinkPurpose purpose : LinkPurpose.values()) {
        assertThatThrownBy(() -> winBack.links().open(token, purpose))
            .isInstanceOf(TokenRejectedException.class);
      }
    }
    assertThatThrownBy(() -> winBack.links().answerSurvey(survey, feedback("too dear"), true))
        .isInstanceOfSatisfying(
            TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));
    assertThatThrownBy(() -> winBack.links().unsubscribe(unsubscribe))
        .isInstanceOfSatisfying(
            TokenRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NOT_FOUND));

    assertThat(winBack.plan("c1")).isEmpty();
    assertThat(StockStores.dump(store)).isEqualTo(before);
  }

  @Test
  void answeringLinksLogsNoTokenNameOrAddress() throws Exception {
    MessageLinks links = firstMessage();
    String survey = token(links.survey());
    String unsubscribe = token(links.unsubscribe());

    String log = CapturedLog.during(() -> {
      winBack.links().open(survey, LinkPurpose.SURVEY);
      winBack.links().answerSurvey(survey, feedback("The support never answered me"), true);
      assertThatThrownBy(() -> winBack.links().answerSurvey(survey, feedback("again"), true))
          .isInstanceOf(TokenRejectedException.class);
      winBack.links().unsubscribe(unsubscribe);
      winBack.links().unsubscribe(unsubscribe);
    });

    assertThat(log)
        .doesNotContain(survey)
        .doesNotContain(unsubscribe)
        .doesNotContain("c1@example.com")
        .doesNotContain("Customer c1")
        .doesNotContain("support never answered");
    StepContext sent = host.calls().get(0);
    assertThat(winBack.history("c1"))
        .extracting(JournalEvent::detail)
        .noneSatisfy(detail -> assertThat(detail).contains(survey))
        .noneSatisfy(detail -> assertThat(detail).contains(unsubscribe))
        .noneSatisfy(detail -> assertThat(detail).contains(sent.customer().displayName()));
  }

  @Test
  void aMessagesContextPrintsNoLinkTokenForAHostThatLogsIt() {
    MessageLinks links = firstMessage();
    StepContext context = host.calls().get(0);

    assertThat(context.toString())
        .doesNotContain(token(links.survey()))
        .doesNotContain(token(links.unsubscribe()))
        .contains("https://shop.example/winback/survey?token=(hidden)");
    MessageLinks comeBack = new MessageLinks(
        java.util.Optional.empty(),
        java.util.Optional.of("https://shop.example/winback/come-back?token=wb2.k1.abc.def"),
        java.util.Optional.empty());
    assertThat(comeBack.toString()).doesNotContain("wb2.k1.abc.def").contains("survey=none");
  }
}
