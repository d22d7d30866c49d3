package dev.winback.privacy;

import static dev.winback.testing.Customers.LOST_AT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.winback.InvalidInputException;
import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.TokenRejectedException;
import dev.winback.WinBack;
import dev.winback.WinBackJson;
import dev.winback.model.Feedback;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.ReEngagementStrategy;
import dev.winback.testing.Customers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Regressions for what the hostile-input fuzzing found. */
class FuzzFindingsTest {

  @Test
  void aTokenSpelledWithDifferentIgnoredBase64BitsIsMalformed() {
    WinBack winBack = WinBack.builder()
        .clock(ManualClock.at(LOST_AT))
        .reactivationTokens(ReactivationTokens.builder()
            .key("k1", "a signing secret of at least 32 bytes".getBytes(StandardCharsets.UTF_8))
            .build())
        .feedback(FeedbackStrategy.none())
        .apology(ApologyStrategy.none())
        .incentives(IncentiveStrategy.none())
        .reEngagement(ReEngagementStrategy.none())
        .build();
    winBack.start(Customers.lost("c1").build());
    String token = winBack.issueReactivationToken("c1");
    char last = token.charAt(token.length() - 1);
    // 32 signature bytes take 43 base64 characters: the last one carries 2 bits the decoder ignores
    char twin = "AEIMQUYcgkosw048".indexOf(last) >= 0 ? (char) (last + 1) : (char) (last - 1);
    String respelled = token.substring(0, token.length() - 1) + twin;

    assertThat(catchThrowableOfType(TokenRejectedException.class, () -> winBack.redeem(respelled))
            .reason())
        .isEqualTo(TokenRejectedException.Reason.MALFORMED);
    assertThat(winBack.redeem(token).customerId()).isEqualTo("c1");
  }

  @Test
  void aFeedbackDatedBeyondTheCalendarIsRefusedNotOverflowed() {
    String json = """
        {"text": "too pricey", "source": "SURVEY", "receivedAt": "+292278994-08-17T07:12:55Z"}
        """;

    assertThatThrownBy(() -> WinBackJson.read(json, Feedback.class))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("receivedAt: must lie between the years 1900 and 9999");
  }
}
