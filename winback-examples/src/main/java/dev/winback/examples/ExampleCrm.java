package dev.winback.examples;

import dev.winback.model.Channel;
import dev.winback.model.CustomerValue;
import dev.winback.model.LostCustomer;
import dev.winback.model.Offer;
import dev.winback.model.PlanStep;
import dev.winback.model.ValueTier;
import dev.winback.model.ValueTiers;
import dev.winback.spi.Activity;
import dev.winback.spi.ActivityWriter;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.ReEngagementStrategy;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a host wires WinBack into its own CRM: high-value customers get a task for their account manager, labelled by
 * the channel the step really goes on (a call, a handwritten letter, a personal e-mail or text), everyone else a
 * message from a template on that channel; goodbyes and second-chance asks carry the customer's come-back link. The CRM here is a stand-in kept in memory; a real
 * host calls its CRM's and mail service's APIs in the same places.
 *
 * <p>Each message is sent once per idempotency key, so a retried step never reaches the customer twice.
 * Thread-safe.
 */
public final class ExampleCrm
    implements FeedbackStrategy,
        ApologyStrategy,
        IncentiveStrategy,
        ReEngagementStrategy,
        ActivityWriter {

  /** A message or task the CRM produced. */
  public record Outgoing(
      String customerId, String reference, String who, Channel channel, String text) {}

  private final ValueTiers tiers;
  private final Map<String, Outgoing> sentByKey = new ConcurrentHashMap<>();
  private final List<Outgoing> outbox = java.util.Collections.synchronizedList(new ArrayList<>());
  private final List<Activity> timeline = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger messages = new AtomicInteger();
  private final Map<String, String> comeBackTokens = new ConcurrentHashMap<>();
  private final AtomicInteger tasks = new AtomicInteger();

  /**
   * Creates the CRM wiring.
   *
   * @param tiers the value tiers that decide who gets an account manager
   */
  public ExampleCrm(ValueTiers tiers) {
    this.tiers = tiers;
  }

  /** Everything sent, in order. */
  public List<Outgoing> outbox() {
    synchronized (outbox) {
      return List.copyOf(outbox);
    }
  }

  /** Every activity WinBack wrote back to the CRM. */
  public List<Activity> timeline() {
    synchronized (timeline) {
      return List.copyOf(timeline);
    }
  }

  @Override
  public StepResult requestFeedback(StepContext context) {
    return send(context);
  }

  @Override
  public StepResult apologise(StepContext context) {
    return send(context);
  }

  @Override
  public StepResult offerIncentive(StepContext context) {
    return send(context);
  }

  @Override
  public StepResult reEngage(StepContext context) {
    return send(context);
  }

  /** The words of one part of a message: a message that carries several says each in turn. */
  private static String textOf(StepContext context, PlanStep part) {
    return switch (part.kind()) {
      case FEEDBACK_REQUEST ->
        context.reminder()
            ? "{name}, if you have a minute, we would still love to know why you left. This is the last "
                + "time we ask."
            : "We are sorry to see you go, {name}. Would you tell us why you left? Every answer is read by "
                + "a person, and we thank you for your time.";
      case APOLOGY ->
        "{name}, we let you down, and we are sorry. It was our mistake, not yours. Here is what we are "
            + "doing so that it does not happen again.";
      case INCENTIVE_OFFER -> offerText(part.offer().orElseThrow());
      case THANK_YOU ->
        context.plan().feedbackReceivedAt().isPresent()
            ? "Thank you, {name}, for telling us about " + describe(context.customer())
                + ". We listened, and we changed " + "things. We would love to have you back."
            : "Thank you for the time you spent with us, {name}. The door is always open.";
      case FOLLOW_UP -> "{name}, we fixed what went wrong. Is it right for you now?";
      case SECOND_CHANCE_ASK ->
        "{name}, your current contract is coming up. Would you give us a second chance?"
            + context.comeBackLink().map(link -> " " + link).orElse("");
      case GRACEFUL_GOODBYE ->
        "Goodbye for now, {name}. Your data stays safe with us for two years and your guest "
            + "access remains; coming back takes one click"
            + context.comeBackLink().map(link -> ": " + link).orElse(".");
      default -> "We miss you, {name}. Here is what is new.";
    };
  }

  private static String offerText(Offer offer) {
    String terms = switch (offer.kind()) {
      case PERCENT_OFF ->
        offer.value().orElseThrow().stripTrailingZeros().toPlainString() + "% off for "
            + offer.period().map(Object::toString).orElse("a while");
      case AMOUNT_OFF ->
        offer.value().orElseThrow().toPlainString() + " " + offer.currency().orElseThrow() + " off";
      case FREE_PERIOD -> offer.period().orElseThrow() + " free";
      case UPGRADE -> "an upgrade at your old price";
      case PAUSE -> "a pause of " + offer.period().orElseThrow();
      case DOWNGRADE -> "a cheaper plan that fits what you need";
    };
    return "{name}, if you would like to come back, " + terms + " is yours until "
        + offer.expiresAt().toString().substring(0, 10)
        + ". One click restores everything as you left it.";
  }

  @Override
  public void write(Activity activity) {
    timeline.add(activity);
  }

  private static String describe(LostCustomer customer) {
    return customer.primaryCategory().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }

  private StepResult send(StepContext context) {
    String template = context.parts().stream()
        .map(part -> textOf(context, part))
        .collect(java.util.stream.Collectors.joining(" "));
    Outgoing already = sentByKey.get(context.idempotencyKey());
    if (already != null) {
      return StepResult.sent(already.reference());
    }
    LostCustomer customer = context.customer();
    boolean accountManaged = tiers.tierOf(customer) == ValueTier.HIGH;
    String reference = accountManaged
        ? "task-" + tasks.incrementAndGet()
        : context.step().channel().name().toLowerCase(java.util.Locale.ROOT) + "-"
            + messages.incrementAndGet();
    String who = accountManaged ? "account manager" : "outbound";
    String text = template.replace("{name}", customer.displayName());
    Outgoing out = new Outgoing(customer.id(), reference, who, context.step().channel(), text);
    if (sentByKey.putIfAbsent(context.idempotencyKey(), out) == null) {
      outbox.add(out);
      context.comeBackToken().ifPresent(token -> comeBackTokens.put(customer.id(), token));
    }
    return StepResult.sent(
        reference + (accountManaged ? " (" + taskFor(context.step().channel()) + ")" : ""));
  }

  /**
   * What an account manager is asked to do, by the channel the step really goes on.
   *
   * @param channel the step's channel
   * @return the task, e.g. {@code call the customer}
   */
  static String taskFor(Channel channel) {
    return switch (channel) {
      case PHONE -> "call the customer";
      case POST -> "write a letter by hand";
      case EMAIL -> "write a personal e-mail";
      case SMS -> "send a personal text";
    };
  }

  /**
   * The come-back token of the last goodbye or second-chance ask sent to a customer, for a customer who follows
   * their link.
   *
   * @param customerId the customer
   * @return the token, if one was sent
   */
  public java.util.Optional<String> comeBackToken(String customerId) {
    return java.util.Optional.ofNullable(comeBackTokens.get(customerId));
  }

  /**
   * A customer's value, for the demo's summary.
   *
   * @param customer the customer
   * @return the monthly revenue, zero when unknown
   */
  static java.math.BigDecimal monthly(LostCustomer customer) {
    return customer.value().map(CustomerValue::monthlyRevenue).orElse(java.math.BigDecimal.ZERO);
  }
}
