package dev.winback;

import dev.winback.model.Feedback;
import dev.winback.model.LinkPurpose;
import dev.winback.model.WinBackPlan;
import java.util.Objects;

/**
 * Answers the signed links in the messages WinBack sends: the exit survey, the way back and one-click unsubscribe.
 * Web handlers call it (see {@code winback-web}); every method checks the token's signature, key, expiry and
 * purpose first, and a rejected token changes nothing. Get it from {@link WinBack#links()}. Thread-safe.
 */
public final class CustomerLinks {
  private final TokenDesk desk;

  CustomerLinks(TokenDesk desk) {
    this.desk = desk;
  }

  /**
   * Checks a link without using it: what its page needs to show. Changes nothing, so a mail scanner that follows
   * every link does no harm.
   *
   * @param token the token from the link
   * @param purpose the page it was opened on
   * @return what the link stands for
   * @throws TokenRejectedException when it is not a genuine, unexpired, unused link for this purpose
   */
  public LinkTarget open(String token, LinkPurpose purpose) {
    return desk.open(token, Objects.requireNonNull(purpose, "purpose"));
  }

  /**
   * Records the customer's answer to the exit survey, then uses the link up: the feedback is classified and the plan
   * revised as {@link WinBack#recordFeedback} does; when they ask us not to keep in touch, they are opted out as
   * well. Answers to one link are taken one at a time, so two sent at once record one answer; a link is used up
   * only once its answer is recorded.
   *
   * @param token the survey link's token
   * @param feedback what they told us
   * @param keepInTouch whether we may contact them again
   * @return the plan as it stands after the answer
   * @throws TokenRejectedException when it is not a genuine, unexpired, unused survey link
   * @throws InvalidInputException when the feedback is invalid
   */
  public WinBackPlan answerSurvey(String token, Feedback feedback, boolean keepInTouch) {
    return desk.answerSurvey(token, Objects.requireNonNull(feedback, "feedback"), keepInTouch);
  }

  /**
   * Opts the customer out at once (RFC 8058 one-click unsubscribe). Answering the same link again does the same
   * and succeeds, since the customer's wish has not changed.
   *
   * @param token the unsubscribe link's token
   * @return the plan as it stands after the opt-out
   * @throws TokenRejectedException when it is not a genuine, unexpired unsubscribe link
   */
  public WinBackPlan unsubscribe(String token) {
    return desk.unsubscribe(token);
  }

  /**
   * Brings the customer back through a come-back link, once: the same as {@link WinBack#redeem(String)}, but only
   * for a token issued for {@link LinkPurpose#COME_BACK}.
   *
   * @param token the come-back link's token
   * @return what to restore
   * @throws TokenRejectedException when it is not a genuine, unexpired, unused come-back link
   */
  public Redemption comeBack(String token) {
    return desk.redeem(token);
  }
}
