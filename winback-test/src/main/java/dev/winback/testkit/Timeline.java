package dev.winback.testkit;

import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.LostCustomer;
import dev.winback.model.StepKind;
import dev.winback.model.WinBackPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything that happened to one customer in a simulation: the messages sent, the journal (including what was
 * delayed, rerouted, skipped or suppressed, and by which rule) and the plan as it stands. Immutable snapshot;
 * {@link #toString()} renders it as a readable timeline.
 */
public final class Timeline {
  private final String customerId;
  private final Instant origin;
  private final Optional<WinBackPlan> plan;
  private final List<JournalEvent> events;
  private final List<SentMessage> sent;

  Timeline(
      String customerId,
      Instant origin,
      Optional<WinBackPlan> plan,
      List<JournalEvent> events,
      List<SentMessage> sent) {
    this.customerId = Objects.requireNonNull(customerId, "customerId");
    this.origin = origin;
    this.plan = plan;
    this.events = List.copyOf(events);
    this.sent = List.copyOf(sent);
  }

  /**
   * The customer's id.
   *
   * @return the id
   */
  public String customerId() {
    return customerId;
  }

  /**
   * The customer as the engine knows them now (with feedback learned along the way), if they have a plan.
   *
   * @return the customer
   */
  public Optional<LostCustomer> customer() {
    return plan.map(WinBackPlan::customer);
  }

  /**
   * The customer's latest plan, if any.
   *
   * @return the plan
   */
  public Optional<WinBackPlan> plan() {
    return plan;
  }

  /**
   * Every journal event, in order.
   *
   * @return the events
   */
  public List<JournalEvent> events() {
    return events;
  }

  /**
   * The journal events of one type.
   *
   * @param type the type, e.g. {@link EventType#STEP_DELAYED}
   * @return the events, in order
   */
  public List<JournalEvent> events(EventType type) {
    return events.stream().filter(e -> e.type() == type).toList();
  }

  /**
   * Every message sent, in order.
   *
   * @return the messages
   */
  public List<SentMessage> sent() {
    return sent;
  }

  /**
   * The messages of one kind that were sent.
   *
   * @param kind the kind
   * @return the messages, in order
   */
  public List<SentMessage> sent(StepKind kind) {
    return sent.stream().filter(m -> m.kind() == kind).toList();
  }

  /**
   * When the customer opted out, if they did.
   *
   * @return the time the opt-out was recorded
   */
  public Optional<Instant> optedOutAt() {
    return events.stream()
        .filter(e -> e.type() == EventType.RESPONSE_RECORDED && e.detail().contains("opted out"))
        .map(JournalEvent::at)
        .findFirst();
  }

  /**
   * Renders the timeline: one line per event, days counted from the simulation's start.
   *
   * @return the timeline as text
   */
  public String render() {
    StringBuilder text = new StringBuilder("timeline of ").append(customerId);
    plan.ifPresent(p -> text.append(" (plan by rule '")
        .append(p.rule())
        .append("', ")
        .append(p.status())
        .append(')'));
    text.append(System.lineSeparator());
    if (events.isEmpty()) {
      text.append("  (nothing happened)").append(System.lineSeparator());
    }
    for (JournalEvent event : events) {
      text.append(String.format(
          "  day %3d  %s  %-20s %s%n",
          Duration.between(origin, event.at()).toDays(), event.at(), event.type(), event.detail()));
    }
    return text.toString();
  }

  @Override
  public String toString() {
    return render();
  }
}
