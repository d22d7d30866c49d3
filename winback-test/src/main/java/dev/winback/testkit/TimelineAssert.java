package dev.winback.testkit;

import dev.winback.model.Channel;
import dev.winback.model.CustomerValue;
import dev.winback.model.EventType;
import dev.winback.model.Offer;
import dev.winback.model.PlanStatus;
import dev.winback.model.StepKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one customer's {@link Timeline} that read as retention rules. Every failure message names the rule
 * that was broken and shows the customer's whole timeline.
 */
public final class TimelineAssert extends AbstractAssert<TimelineAssert, Timeline> {

  TimelineAssert(Timeline actual) {
    super(actual, TimelineAssert.class);
  }

  private TimelineAssert fail(String rule, String detail) {
    failWithMessage(
        "%nExpected %s %s, but %s.%n%n%s", actual.customerId(), rule, detail, actual.render());
    return this;
  }

  /**
   * The customer was contacted at most so many times in any rolling window.
   *
   * @param max the most contacts allowed
   * @param window the window
   * @return this
   */
  public TimelineAssert hasAtMostContactsWithin(int max, Duration window) {
    isNotNull();
    List<SentMessage> sent = actual.sent();
    for (int i = 0; i < sent.size(); i++) {
      int inWindow = 0;
      Instant end = sent.get(i).at();
      for (int j = 0; j <= i; j++) {
        if (sent.get(j).at().isAfter(end.minus(window))) {
          inWindow++;
        }
      }
      if (inWindow > max) {
        return fail(
            "to be contacted at most " + max + " times within " + describe(window),
            inWindow + " contacts fell within the " + describe(window) + " up to " + end);
      }
    }
    return this;
  }

  /**
   * The first message the customer received was of a kind (e.g. an apology).
   *
   * @param kind the kind
   * @return this
   */
  public TimelineAssert firstContactWas(StepKind kind) {
    isNotNull();
    if (actual.sent().isEmpty()) {
      return fail("to be contacted first with " + kind, "nothing was sent");
    }
    if (actual.sent().get(0).kind() != kind) {
      return fail(
          "to be contacted first with " + kind,
          "the first contact was " + actual.sent().get(0).kind());
    }
    return this;
  }

  /**
   * A message of a kind was sent.
   *
   * @param kind the kind
   * @return this
   */
  public TimelineAssert wasSent(StepKind kind) {
    isNotNull();
    return actual.sent(kind).isEmpty()
        ? fail("to be sent " + kind, "no " + kind + " was sent")
        : this;
  }

  /**
   * No message of a kind was sent.
   *
   * @param kind the kind
   * @return this
   */
  public TimelineAssert wasNotSent(StepKind kind) {
    isNotNull();
    return actual.sent(kind).isEmpty()
        ? this
        : fail(
            "never to be sent " + kind,
            actual.sent(kind).size() + " were sent, first at "
                + actual.sent(kind).get(0).at());
  }

  /**
   * Every goodbye and second-chance ask sent carried a come-back token (the engine has reactivation tokens).
   *
   * @return this
   */
  public TimelineAssert everyGoodbyeCarriedAWayBack() {
    isNotNull();
    for (StepKind kind : List.of(StepKind.GRACEFUL_GOODBYE, StepKind.SECOND_CHANCE_ASK)) {
      for (SentMessage message : actual.sent(kind)) {
        if (message.comeBackToken().isEmpty()) {
          return fail(
              "to give every goodbye and second-chance ask a way back",
              "the " + kind + " sent at " + message.at() + " carried no come-back token");
        }
      }
    }
    return this;
  }

  /**
   * Nothing at all was sent.
   *
   * @return this
   */
  public TimelineAssert wasNeverContacted() {
    isNotNull();
    return actual.sent().isEmpty()
        ? this
        : fail(
            "never to be contacted",
            actual.sent().size() + " messages were sent, first "
                + actual.sent().get(0).kind() + " at "
                + actual.sent().get(0).at());
  }

  /**
   * Every message went by one channel.
   *
   * @param channel the channel
   * @return this
   */
  public TimelineAssert wasContactedOnlyBy(Channel channel) {
    isNotNull();
    for (SentMessage message : actual.sent()) {
      if (message.channel() != channel) {
        return fail(
            "to be contacted only by " + channel,
            message.kind() + " went by " + message.channel() + " at " + message.at());
      }
    }
    return this;
  }

  /**
   * Nothing was sent after the customer opted out (and they did opt out).
   *
   * @return this
   */
  public TimelineAssert sentNothingAfterOptOut() {
    isNotNull();
    Optional<Instant> optedOut = actual.optedOutAt();
    if (optedOut.isEmpty()) {
      return fail("to have opted out", "there is no opt-out in the journal");
    }
    for (SentMessage message : actual.sent()) {
      if (!message.at().isBefore(optedOut.get())) {
        return fail(
            "to be sent nothing after opting out at " + optedOut.get(),
            message.kind() + " was sent at " + message.at());
      }
    }
    return this;
  }

  /**
   * Every incentive made was worth at most a share of the customer's lifetime revenue. A percentage off counts as
   * that share of the monthly revenue for the offer's period (one month when none), a free period as the monthly
   * revenue for its length, an amount off as the amount; an upgrade, a pause or a cheaper plan counts as nothing.
   *
   * @param share the share, e.g. {@code 0.1} for a tenth
   * @return this
   */
  public TimelineAssert incentivesWorthAtMost(double share) {
    isNotNull();
    Optional<CustomerValue> value = actual.customer().flatMap(c -> c.value());
    for (SentMessage message : actual.sent()) {
      if (message.offer().isEmpty()) {
        continue;
      }
      if (value.isEmpty()) {
        return fail(
            "to be offered incentives worth at most " + share + " of their value",
            "an incentive was offered at " + message.at() + " though their value is unknown");
      }
      BigDecimal worth = worth(message.offer().get(), value.get());
      BigDecimal limit = value.get().lifetimeRevenue().multiply(BigDecimal.valueOf(share));
      if (worth.compareTo(limit) > 0) {
        return fail(
            "to be offered incentives worth at most " + share + " of their lifetime revenue ("
                + limit.setScale(2, RoundingMode.HALF_UP) + " "
                + value.get().currency() + ")",
            "the " + message.offer().get().kind() + " offer sent at " + message.at() + " is worth "
                + worth.setScale(2, RoundingMode.HALF_UP) + " "
                + value.get().currency());
      }
    }
    return this;
  }

  /**
   * The plan ended in a particular way.
   *
   * @param status how it should have ended (or {@link PlanStatus#ACTIVE})
   * @return this
   */
  public TimelineAssert endedAs(PlanStatus status) {
    isNotNull();
    if (actual.plan().isEmpty()) {
      return fail("to have a plan that is " + status, "the customer has no plan");
    }
    PlanStatus actualStatus = actual.plan().get().status();
    return actualStatus == status
        ? this
        : fail("to have a plan that is " + status, "it is " + actualStatus);
  }

  /**
   * A contact rule moved a step, naming the rule (e.g. {@code quiet-hours}, {@code frequency-cap}).
   *
   * @param rule the start of the rule's name
   * @return this
   */
  public TimelineAssert hadStepDelayedBy(String rule) {
    return hadDecision(EventType.STEP_DELAYED, "delayed", rule);
  }

  /**
   * A contact rule moved a step to another channel, naming the rule (e.g. {@code consent}).
   *
   * @param rule the start of the rule's name
   * @return this
   */
  public TimelineAssert hadStepReroutedBy(String rule) {
    return hadDecision(EventType.STEP_REROUTED, "rerouted", rule);
  }

  private TimelineAssert hadDecision(EventType type, String verb, String rule) {
    isNotNull();
    boolean found =
        actual.events(type).stream().anyMatch(e -> e.detail().contains("by rule " + rule));
    return found ? this : fail("to have a step " + verb + " by rule " + rule, "no step was");
  }

  private static BigDecimal worth(Offer offer, CustomerValue value) {
    BigDecimal monthly = value.monthlyRevenue();
    BigDecimal months = BigDecimal.valueOf(offer.period().map(PlanMonths::of).orElse(1.0));
    return switch (offer.kind()) {
      case PERCENT_OFF ->
        monthly
            .multiply(offer.value().orElse(BigDecimal.ZERO))
            .multiply(months)
            .divide(BigDecimal.valueOf(100), 10, RoundingMode.HALF_UP);
      case FREE_PERIOD -> monthly.multiply(months);
      case AMOUNT_OFF -> offer.value().orElse(BigDecimal.ZERO);
      case UPGRADE, PAUSE, DOWNGRADE -> BigDecimal.ZERO;
    };
  }

  private static String describe(Duration window) {
    return window.toDays() > 0 && window.equals(Duration.ofDays(window.toDays()))
        ? window.toDays() + " days"
        : window.toString();
  }

  /** Months in a period, counting days as 1/30 of a month. */
  private static final class PlanMonths {
    static double of(Period period) {
      return period.toTotalMonths() + period.getDays() / 30.0;
    }
  }
}
