package dev.winback.privacy;

import static dev.winback.testing.Customers.LOST_AT;
import static dev.winback.testing.Customers.leftBecauseOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.Redemption;
import dev.winback.TokenRejectedException;
import dev.winback.TokenRejectedException.Reason;
import dev.winback.WinBack;
import dev.winback.model.EventType;
import dev.winback.model.ExitCategory;
import dev.winback.model.OfferKind;
import dev.winback.model.PlanStatus;
import dev.winback.spi.PlanStore;
import dev.winback.testing.Customers;
import dev.winback.testing.Recorder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class ReactivationTokensTest {
  private static final byte[] OLD_SECRET =
      "an old secret of at least 32 bytes!!".getBytes(StandardCharsets.UTF_8);
  private static final byte[] NEW_SECRET =
      "a new secret of at least 32 bytes!!!".getBytes(StandardCharsets.UTF_8);

  private final ManualClock clock = ManualClock.at(LOST_AT);
  private final PlanStore store = PlanStore.inMemory();
  private final Recorder host = new Recorder();

  private WinBack engine(ReactivationTokens tokens) {
    return WinBack.builder()
        .clock(clock)
        .store(store)
        .reactivationTokens(tokens)
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
  }

  private static ReactivationTokens keys(String active, Object... idAndSecret) {
    ReactivationTokens.Builder builder = ReactivationTokens.builder();
    for (int i = 0; i < idAndSecret.length; i += 2) {
      builder.key((String) idAndSecret[i], (byte[]) idAndSecret[i + 1]);
    }
    return builder.activeKey(active).build();
  }

  private final WinBack winBack = engine(keys("k1", "k1", OLD_SECRET));

  private String tokenFor(String customerId) {
    winBack.start(leftBecauseOf(customerId, ExitCategory.PRICE)
        .value(Customers.worth("120"))
        .putAttribute("plan", "pro-annual")
        .build());
    clock.advance(Duration.ofDays(30)); // the thank-you and its offer are due
    winBack.runDue();
    return winBack.issueReactivationToken(customerId);
  }

  private static Reason rejection(Runnable redeem) {
    return catchThrowableOfType(TokenRejectedException.class, redeem::run).reason();
  }

  @Test
  void aValidTokenBringsTheCustomerBackWithWhatToRestore() {
    String token = tokenFor("c1");

    Redemption redemption = winBack.redeem(token);

    assertThat(redemption.customerId()).isEqualTo("c1");
    assertThat(redemption.restore()).containsEntry("plan", "pro-annual");
    assertThat(redemption.offer())
        .hasValueSatisfying(o -> assertThat(o.kind()).isEqualTo(OfferKind.PERCENT_OFF));
    assertThat(winBack.plan("c1").orElseThrow().status()).isEqualTo(PlanStatus.WON_BACK);
    assertThat(winBack.history("c1"))
        .extracting(e -> e.type())
        .contains(EventType.TOKEN_ISSUED, EventType.TOKEN_REDEEMED);
  }

  @Test
  void theTokenRevealsNothingAboutTheCustomer() {
    String token = tokenFor("customer-with-a-recognisable-id");

    String decoded = new String(
        Base64.getUrlDecoder().decode(token.split("\\.")[2]), StandardCharsets.ISO_8859_1);
    assertThat(token).startsWith("wb2.k1.").doesNotContain("customer");
    assertThat(decoded).doesNotContain("customer");
  }

  @Test
  void aReplayedTokenIsRejected() {
    String token = tokenFor("c1");
    winBack.redeem(token);

    assertThat(rejection(() -> winBack.redeem(token))).isEqualTo(Reason.ALREADY_USED);
  }

  @Test
  void anExpiredTokenIsRejected() {
    String token = tokenFor("c1");
    clock.advance(Duration.ofDays(30));

    assertThat(rejection(() -> winBack.redeem(token))).isEqualTo(Reason.EXPIRED);
    assertThat(winBack.plan("c1").orElseThrow().status()).isNotEqualTo(PlanStatus.WON_BACK);
  }

  @Test
  void aTamperedTokenIsRejected() {
    String token = tokenFor("c1");
    String[] parts = token.split("\\.");
    byte[] payload = Base64.getUrlDecoder().decode(parts[2]);
    payload[payload.length - 1] ^= 1; // move the expiry by a second
    String tampered = parts[0] + "." + parts[1] + "."
        + Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + parts[3];

    assertThat(rejection(() -> winBack.redeem(tampered))).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void aTokenSignedWithAnotherSecretUnderTheSameKeyIdIsRejected() {
    WinBack impostor = WinBack.builder()
        .clock(clock)
        .reactivationTokens(keys("k1", "k1", NEW_SECRET))
        .feedback(host)
        .apology(host)
        .incentives(host)
        .reEngagement(host)
        .build();
    impostor.start(Customers.lost("x").build());
    String forged = impostor.issueReactivationToken("x");

    assertThat(rejection(() -> winBack.redeem(forged))).isEqualTo(Reason.BAD_SIGNATURE);
  }

  @Test
  void garbageIsRejectedAsMalformed() {
    for (String garbage : List.of(
        "",
        "hello",
        "wb1.k1.x.y",
        "wb1.k1..",
        "wb2.k1.AAAA.BBBB",
        "wb1.k1.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.%%%%",
        "wb1." + "k".repeat(300) + ".a.b")) {
      assertThat(rejection(() -> winBack.redeem(garbage))).as(garbage).isEqualTo(Reason.MALFORMED);
    }
  }

  @Test
  void aTokenOfTheEarlierFormWithoutPurposeStillBringsTheCustomerBack() throws Exception {
    String current = tokenFor("c1");
    String[] parts = current.split("\\.");
    byte[] payload = Base64.getUrlDecoder().decode(parts[2]);
    String body = "wb1.k1."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(java.util.Arrays.copyOf(payload, payload.length - 1));
    javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
    mac.init(new javax.crypto.spec.SecretKeySpec(OLD_SECRET, "HmacSHA256"));
    String earlier = body + "."
        + Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));

    assertThat(winBack.redeem(earlier).customerId()).isEqualTo("c1");
    assertThat(rejection(() -> winBack.redeem(current))).isEqualTo(Reason.ALREADY_USED);
  }

  @Test
  void keysRotateOldTokensVerifyUntilTheirKeyIsRetired() {
    String oldToken = tokenFor("c1");
    String older = winBack.issueReactivationToken("c1");
    WinBack rotated = engine(keys("k2", "k1", OLD_SECRET, "k2", NEW_SECRET));
    WinBack retired = engine(keys("k2", "k2", NEW_SECRET));

    assertThat(rotated.issueReactivationToken("c1")).startsWith("wb2.k2.");
    assertThat(rotated.redeem(oldToken).customerId()).isEqualTo("c1");
    assertThat(rejection(() -> retired.redeem(older))).isEqualTo(Reason.UNKNOWN_KEY);
  }

  @Test
  void rejectionsRevealNothing() {
    String token = tokenFor("c1");
    winBack.redeem(token);

    assertThatThrownBy(() -> winBack.redeem(token))
        .hasMessage("Reactivation token rejected: ALREADY_USED");
  }

  @Test
  void ofManyConcurrentRedemptionsExactlyOneSucceeds() throws Exception {
    String token = tokenFor("c1");
    int threads = 16;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Object>> results = new ArrayList<>();
    try {
      for (int i = 0; i < threads; i++) {
        Callable<Object> redeem = () -> {
          go.await();
          try {
            return winBack.redeem(token);
          } catch (TokenRejectedException e) {
            return e.reason();
          }
        };
        results.add(pool.submit(redeem));
      }
      go.countDown();
      List<Object> outcomes = new ArrayList<>();
      for (Future<Object> result : results) {
        outcomes.add(result.get());
      }
      assertThat(outcomes).filteredOn(o -> o instanceof Redemption).hasSize(1);
      assertThat(outcomes).filteredOn(o -> o == Reason.ALREADY_USED).hasSize(threads - 1);
    } finally {
      pool.shutdownNow();
    }
    assertThat(winBack.history("c1"))
        .filteredOn(e -> e.type() == EventType.TOKEN_REDEEMED)
        .hasSize(1);
  }
}
