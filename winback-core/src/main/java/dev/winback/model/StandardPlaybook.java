package dev.winback.model;

import static dev.winback.model.StepKind.APOLOGY;
import static dev.winback.model.StepKind.FEEDBACK_REQUEST;
import static dev.winback.model.StepKind.FOLLOW_UP;
import static dev.winback.model.StepKind.GRACEFUL_GOODBYE;
import static dev.winback.model.StepKind.INCENTIVE_OFFER;
import static dev.winback.model.StepKind.SECOND_CHANCE_ASK;
import static dev.winback.model.StepKind.THANK_YOU;

import dev.winback.InvalidPlaybookException;
import dev.winback.Problem;
import java.time.Duration;
import java.time.Period;
import java.util.List;

/**
 * The standard playbook: what the articles WinBack comes from say works, as rules. Not API: use
 * {@link Playbook#standard()}.
 */
final class StandardPlaybook {
  /** Name of the standard playbook. */
  public static final String NAME = "standard";

  private static final Duration GOODBYE_AFTER = Duration.ofDays(3);
  private static final Duration SECOND_CHANCE_BEFORE_CONTRACT_END = Duration.ofDays(30);
  private static final Duration SECOND_CHANCE_FALLBACK = Duration.ofDays(90);

  private StandardPlaybook() {}

  /**
   * Builds the standard playbook.
   *
   * @param thankYouAfterFeedback the wait from the customer's feedback to the personal thank-you
   * @return the playbook
   */
  public static Playbook create(Duration thankYouAfterFeedback) {
    if (thankYouAfterFeedback.compareTo(Duration.ofDays(1)) < 0) {
      throw new InvalidPlaybookException(List.of(new Problem(
          "thankYouAfterFeedback", "must be at least one day: a thank-you needs time to mean it")));
    }
    StepTemplate thankYou = StepTemplate.afterFeedback(THANK_YOU, thankYouAfterFeedback);
    StepTemplate incentive = StepTemplate.builder()
        .kind(INCENTIVE_OFFER)
        .anchor(StepAnchor.FEEDBACK)
        .offset(thankYouAfterFeedback)
        .offer(OfferTerms.percentOff(20, Period.ofMonths(3)))
        .minimumTier(ValueTier.MEDIUM)
        .build();
    // those who left over money hear an offer whatever their tier, sized to their value
    // (OfferSizing)
    StepTemplate sizedIncentive =
        StepTemplate.builder().from(incentive).minimumTier(ValueTier.LOW).build();
    StepTemplate secondChance = StepTemplate.builder()
        .kind(SECOND_CHANCE_ASK)
        .anchor(StepAnchor.CONTRACT_END)
        .offset(SECOND_CHANCE_BEFORE_CONTRACT_END.negated())
        .fallbackOffset(SECOND_CHANCE_FALLBACK)
        .build();
    StepTemplate goodbye = StepTemplate.at(GRACEFUL_GOODBYE, GOODBYE_AFTER);

    return Playbook.builder()
        .name(NAME)
        .addRule(PlaybookRule.builder()
            .name("left-over-too-many-messages")
            .when(RuleCondition.exitCategoryIn(ExitCategory.TOO_MANY_MESSAGES))
            .rationale(
                "They left because we wrote too often, so we must not repeat the mistake: an apology now, "
                    + "a follow-up a month later to check we got it right, a goodbye a month after that, nothing else")
            .addStep(StepTemplate.at(APOLOGY, Duration.ZERO))
            .addStep(StepTemplate.at(FOLLOW_UP, Duration.ofDays(30)))
            .addStep(StepTemplate.at(GRACEFUL_GOODBYE, Duration.ofDays(60)))
            .build())
        .addRule(PlaybookRule.builder()
            .name("our-fault")
            .when(RuleCondition.ourFault())
            .rationale(
                "The fault was ours: apologise first and take responsibility, ask what went wrong, follow up "
                    + "to show the problem is fixed, thank them personally for the feedback, and ask for a second chance "
                    + "when their new contract comes up")
            .addStep(StepTemplate.at(APOLOGY, Duration.ZERO))
            .addStep(StepTemplate.at(FEEDBACK_REQUEST, Duration.ofDays(1)))
            .addStep(goodbye)
            .addStep(StepTemplate.at(FOLLOW_UP, Duration.ofDays(14)))
            .addSteps(thankYou, incentive, secondChance)
            .build())
        .addRule(PlaybookRule.builder()
            .name("price-or-better-offer")
            .when(RuleCondition.exitCategoryIn(
                ExitCategory.PRICE, ExitCategory.COMPETITOR_OFFER, ExitCategory.BUDGET_CUT))
            .rationale(
                "They left over money: ask why, thank them for the feedback with an incentive sized to their "
                    + "value, and ask for a second chance when their new contract comes up")
            .addStep(StepTemplate.at(FEEDBACK_REQUEST, Duration.ZERO))
            .addSteps(goodbye, thankYou, sizedIncentive, secondChance)
            .build())
        .addRule(PlaybookRule.builder()
            .name("no-longer-needed")
            .when(RuleCondition.exitCategoryIn(ExitCategory.NO_LONGER_NEEDED, ExitCategory.MOVED))
            .rationale(
                "They no longer need us: ask why, let them go gracefully with the door open, and thank them; "
                    + "no incentive, since no price brings back a need")
            .addStep(StepTemplate.at(FEEDBACK_REQUEST, Duration.ZERO))
            .addSteps(goodbye, thankYou)
            .build())
        .addRule(PlaybookRule.builder()
            .name("ask-why-first")
            .rationale(
                "We do not know yet why they left: ask first, let them go gracefully, thank them for the "
                    + "feedback with an incentive where their value justifies it, and ask for a second chance later")
            .addStep(StepTemplate.at(FEEDBACK_REQUEST, Duration.ZERO))
            .addSteps(goodbye, thankYou, incentive, secondChance)
            .build())
        .build();
  }
}
