package dev.winback.mail;

import static dev.winback.testing.Customers.LOST_AT;

import dev.winback.model.Channel;
import dev.winback.model.ExitTerms;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStep;
import dev.winback.model.StepKind;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.MessageLinks;
import dev.winback.spi.StepContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Steps about to be sent, stating only what a test needs. */
final class Steps {
  /** When every test step is claimed. */
  static final Instant NOW = LOST_AT.plus(Duration.ofDays(3)).plusSeconds(17);

  /** The unsubscribe link every test step carries unless a test says otherwise. */
  static final String UNSUBSCRIBE = "https://shop.example/winback/unsubscribe?token=wb2.k1.abc.def";

  private Steps() {}

  /**
   * A step for a customer, on a channel, with an unsubscribe link.
   *
   * @param customer the customer
   * @param index the step's index in the plan
   * @param kind the kind of step
   * @param channel the channel it goes out on
   * @return the step's context, on its first attempt
   */
  static StepContext step(LostCustomer customer, int index, StepKind kind, Channel channel) {
    return step(customer, index, kind, channel, links(UNSUBSCRIBE));
  }

  /**
   * A step for a customer with the given links.
   *
   * @param customer the customer
   * @param index the step's index
   * @param kind the kind
   * @param channel the channel
   * @param links the message's links
   * @return the step's context
   */
  static StepContext step(
      LostCustomer customer, int index, StepKind kind, Channel channel, MessageLinks links) {
    List<PlanStep> steps = new ArrayList<>();
    for (int i = 0; i <= index; i++) {
      steps.add(
          PlanStep.builder().index(i).kind(kind).channel(channel).dueAt(NOW).build());
    }
    PlanStep step = steps.get(index);
    WinBackPlan plan = WinBackPlan.builder()
        .id(customer.id() + "@" + LOST_AT)
        .customer(customer)
        .playbook("test")
        .rule("test")
        .rationale("test")
        .startedAt(LOST_AT)
        .steps(steps)
        .build();
    return new StepContext(
        customer,
        plan,
        step,
        plan.id() + "#" + index,
        1,
        NOW,
        ExitTerms.defaults(),
        Optional.empty(),
        List.of(step),
        links);
  }

  /**
   * Links with only an unsubscribe link.
   *
   * @param unsubscribe the link
   * @return the links
   */
  static MessageLinks links(String unsubscribe) {
    return new MessageLinks(Optional.empty(), Optional.empty(), Optional.of(unsubscribe));
  }

  /**
   * The same step on a later attempt, as after a crash or a failed try.
   *
   * @param context the step
   * @return the same step with the next attempt number
   */
  static StepContext retry(StepContext context) {
    return new StepContext(
        context.customer(),
        context.plan(),
        context.step(),
        context.idempotencyKey(),
        context.attempt() + 1,
        context.now().plusSeconds(60),
        context.exitTerms(),
        context.comeBackToken(),
        context.parts(),
        context.links());
  }
}
