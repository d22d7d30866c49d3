package dev.winback.internal;

import dev.winback.model.Playbook;
import dev.winback.model.PlaybookRule;
import dev.winback.model.StepKind;
import dev.winback.model.StepTemplate;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.ReEngagementStrategy;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The host's strategies by step kind: the one place that says which strategy carries out which kind of step.
 * Adding a step kind means adding it here (and to playbooks). Immutable and thread-safe.
 *
 * @param feedback asks why the customer left
 * @param apology apologises
 * @param incentives offers an incentive
 * @param reEngagement every other kind: re-engagement, follow-up, thank-you, second chance, goodbye
 */
public record StepStrategies(
    Optional<FeedbackStrategy> feedback,
    Optional<ApologyStrategy> apology,
    Optional<IncentiveStrategy> incentives,
    Optional<ReEngagementStrategy> reEngagement) {

  /**
   * Carries out a step through the strategy for its kind.
   *
   * @param context what the strategy needs
   * @return the strategy's result (possibly null: the caller checks)
   * @throws Exception whatever the strategy throws
   */
  public StepResult invoke(StepContext context) throws Exception {
    return switch (context.step().kind()) {
      case FEEDBACK_REQUEST -> feedback.orElseThrow().requestFeedback(context);
      case APOLOGY -> apology.orElseThrow().apologise(context);
      case INCENTIVE_OFFER -> incentives.orElseThrow().offerIncentive(context);
      case RE_ENGAGEMENT, FOLLOW_UP, THANK_YOU, SECOND_CHANCE_ASK, GRACEFUL_GOODBYE ->
        reEngagement.orElseThrow().reEngage(context);
    };
  }

  /**
   * The registrations missing for the step kinds that playbooks use, as the builder calls that add them.
   *
   * @param playbooks the playbooks an engine may choose from
   * @return the missing builder calls, sorted; empty when every kind has a strategy
   */
  public Set<String> missingFor(Collection<Playbook> playbooks) {
    Set<String> missing = new TreeSet<>();
    for (Playbook playbook : playbooks) {
      for (PlaybookRule rule : playbook.rules()) {
        for (StepTemplate template : rule.steps()) {
          missingFor(template.kind()).ifPresent(missing::add);
        }
      }
    }
    return missing;
  }

  private Optional<String> missingFor(StepKind kind) {
    return switch (kind) {
      case FEEDBACK_REQUEST ->
        feedback.isPresent() ? Optional.empty() : Optional.of("feedback(FeedbackStrategy)");
      case APOLOGY ->
        apology.isPresent() ? Optional.empty() : Optional.of("apology(ApologyStrategy)");
      case INCENTIVE_OFFER ->
        incentives.isPresent() ? Optional.empty() : Optional.of("incentives(IncentiveStrategy)");
      case RE_ENGAGEMENT, FOLLOW_UP, THANK_YOU, SECOND_CHANCE_ASK, GRACEFUL_GOODBYE ->
        reEngagement.isPresent()
            ? Optional.empty()
            : Optional.of("reEngagement(ReEngagementStrategy)");
    };
  }
}
