package dev.winback.testkit;

import dev.winback.ManualClock;
import dev.winback.ReactivationTokens;
import dev.winback.WinBack;
import dev.winback.WinBackBuilder;
import dev.winback.model.CustomerResponse;
import dev.winback.model.Feedback;
import dev.winback.model.LostCustomer;
import dev.winback.model.Playbook;
import dev.winback.model.ReasonSource;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.ReasonClassifier;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A real {@link WinBack} engine on a virtual clock with recording strategies: start lost customers, fast-forward
 * days or weeks ({@code runDue} runs at every tick), feed feedback, responses and opt-outs at chosen moments, and
 * inspect each customer's {@link Timeline}. A simulated half year of a thousand customers runs in well under a
 * second.
 *
 * <pre>{@code
 * WinBackSimulation sim = WinBackSimulation.builder().build();
 * sim.start(LostCustomers.leftOverTooManyEmails("c1").build());
 * sim.advanceDays(180);
 * WinBackAssertions.assertThat(sim.timeline("c1")).hasAtMostContactsWithin(1, Duration.ofDays(30));
 * }</pre>
 *
 * <p>Not thread-safe: a simulation belongs to one test.
 */
public final class WinBackSimulation {
  /** The default start of a simulation: a Monday morning. */
  public static final Instant DEFAULT_START = Instant.parse("2026-01-05T09:00:00Z");

  private final ManualClock clock;
  private final Instant origin;
  private final Duration tick;
  private final WinBack winBack;
  private final List<SentMessage> sent = new ArrayList<>();
  private final Set<String> customerIds = new LinkedHashSet<>();
  private final PriorityQueue<ScheduledAction> scheduled = new PriorityQueue<>(
      Comparator.comparing(ScheduledAction::at).thenComparing(ScheduledAction::order));
  private final Function<StepContext, StepResult> answers;
  private long order;

  private WinBackSimulation(Builder b) {
    this.origin = b.start;
    this.clock = ManualClock.at(b.start);
    this.tick = b.tick;
    this.answers = b.answers;
    WinBackBuilder engine = WinBack.builder()
        .clock(clock)
        .playbook(b.playbook)
        .feedback(this::record)
        .apology(this::record)
        .incentives(this::record)
        .reEngagement(this::record);
    b.options.forEach(option -> option.accept(engine));
    this.winBack = engine.build();
  }

  /**
   * Starts configuring a simulation: the standard playbook, starting {@link #DEFAULT_START}, ticking hourly, every
   * step sent.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  private StepResult record(StepContext context) {
    StepResult result = answers.apply(context);
    if (result instanceof StepResult.Sent) {
      context.parts().forEach(part -> sent.add(SentMessage.of(context, part)));
    }
    return result;
  }

  /**
   * Starts a lost customer's plan now.
   *
   * @param customer the customer
   * @return the plan
   */
  public WinBackPlan start(LostCustomer customer) {
    customerIds.add(customer.id());
    return winBack.start(customer);
  }

  /**
   * Runs the simulation forward, calling {@code runDue} at every tick and carrying out scheduled actions at their
   * moments.
   *
   * @param duration how far to go, not negative
   * @return this simulation
   */
  public WinBackSimulation advance(Duration duration) {
    return advanceTo(clock.instant().plus(duration));
  }

  /**
   * Runs the simulation forward by whole days.
   *
   * @param days how many days
   * @return this simulation
   */
  public WinBackSimulation advanceDays(int days) {
    return advance(Duration.ofDays(days));
  }

  /**
   * Runs the simulation forward to a moment.
   *
   * @param moment the moment, not before now
   * @return this simulation
   * @throws IllegalArgumentException when the moment is in the simulation's past
   */
  public WinBackSimulation advanceTo(Instant moment) {
    if (moment.isBefore(clock.instant())) {
      throw new IllegalArgumentException(
          "the simulation is already at " + clock.instant() + ", past " + moment);
    }
    winBack.runDue();
    while (clock.instant().isBefore(moment)) {
      Instant next = clock.instant().plus(tick);
      if (next.isAfter(moment)) {
        next = moment;
      }
      if (!scheduled.isEmpty() && scheduled.peek().at().isBefore(next)) {
        next = scheduled.peek().at().isAfter(clock.instant())
            ? scheduled.peek().at()
            : clock.instant();
      }
      clock.set(next);
      while (!scheduled.isEmpty() && !scheduled.peek().at().isAfter(clock.instant())) {
        scheduled.poll().action().accept(this);
      }
      winBack.runDue();
    }
    return this;
  }

  /**
   * Schedules an action for a moment after now, e.g. an opt-out arriving in the middle of a plan.
   *
   * @param after how long from now
   * @param action what happens then
   * @return this simulation
   */
  public WinBackSimulation after(Duration after, Consumer<WinBackSimulation> action) {
    scheduled.add(new ScheduledAction(
        clock.instant().plus(after), order++, Objects.requireNonNull(action, "action")));
    return this;
  }

  /**
   * Records the customer's feedback in their own words, received now.
   *
   * @param customerId the customer
   * @param text what they said
   * @return the plan after the feedback
   */
  public WinBackPlan feedback(String customerId, String text) {
    return winBack.recordFeedback(
        customerId, Feedback.of(text, ReasonSource.SURVEY, clock.instant()));
  }

  /**
   * Records the customer's feedback.
   *
   * @param customerId the customer
   * @param feedback the feedback
   * @return the plan after the feedback
   */
  public WinBackPlan feedback(String customerId, Feedback feedback) {
    return winBack.recordFeedback(customerId, feedback);
  }

  /**
   * Records how the customer answered.
   *
   * @param customerId the customer
   * @param response the answer
   * @return the plan after the answer
   */
  public WinBackPlan respond(String customerId, CustomerResponse response) {
    return winBack.recordResponse(customerId, response);
  }

  /**
   * Records that the customer opted out, now.
   *
   * @param customerId the customer
   * @return the plan after the opt-out
   */
  public WinBackPlan optOut(String customerId) {
    return winBack.optOut(customerId);
  }

  /**
   * Records that the customer must not be contacted, now.
   *
   * @param customerId the customer
   * @param suppression why
   * @return the plan after the change
   */
  public WinBackPlan suppress(String customerId, Suppression suppression) {
    return winBack.suppress(customerId, suppression);
  }

  /**
   * The simulation's current time.
   *
   * @return now, on the virtual clock
   */
  public Instant now() {
    return clock.instant();
  }

  /**
   * Everything that happened to a customer so far.
   *
   * @param customerId the customer
   * @return the timeline
   */
  public Timeline timeline(String customerId) {
    return new Timeline(
        customerId,
        origin,
        winBack.plan(customerId),
        winBack.history(customerId),
        sent.stream().filter(m -> m.customerId().equals(customerId)).toList());
  }

  /**
   * The timelines of every customer started, in the order they were started.
   *
   * @return the timelines
   */
  public List<Timeline> timelines() {
    return customerIds.stream().map(this::timeline).toList();
  }

  /**
   * Every message sent, in order.
   *
   * @return the messages
   */
  public List<SentMessage> sent() {
    return List.copyOf(sent);
  }

  /**
   * The engine under simulation, for anything the simulation does not wrap.
   *
   * @return the engine
   */
  public WinBack winBack() {
    return winBack;
  }

  /** Configures a {@link WinBackSimulation}. Not thread-safe. */
  public static final class Builder {
    private Playbook playbook = Playbook.standard();
    private Instant start = DEFAULT_START;
    private Duration tick = Duration.ofHours(1);
    /** The engine's options as set, applied to its builder in order (which fails on an option set twice). */
    private final List<Consumer<WinBackBuilder>> options = new ArrayList<>();

    private Function<StepContext, StepResult> answers =
        context -> StepResult.sent("sim-" + context.idempotencyKey());

    private Builder() {}

    /**
     * Sets the playbook under test; the standard one unless set.
     *
     * @param playbook the playbook
     * @return this builder
     */
    public Builder playbook(Playbook playbook) {
      this.playbook = Objects.requireNonNull(playbook, "playbook");
      return this;
    }

    /**
     * Sets when the simulation starts.
     *
     * @param start the first moment
     * @return this builder
     */
    public Builder startingAt(Instant start) {
      this.start = Objects.requireNonNull(start, "start");
      return this;
    }

    /**
     * Sets how often the simulated runner calls {@code runDue}; hourly unless set.
     *
     * @param tick the interval, positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder tick(Duration tick) {
      if (tick.isNegative() || tick.isZero()) {
        throw new IllegalArgumentException("tick must be positive: " + tick);
      }
      this.tick = tick;
      return this;
    }

    private Builder engine(Object value, String name, Consumer<WinBackBuilder> option) {
      Objects.requireNonNull(value, name);
      return engine(option);
    }

    /**
     * Adds the host's own contact rules, as on {@link WinBackBuilder#contactPolicy}.
     *
     * @param policy the policy
     * @return this builder
     */
    public Builder contactPolicy(ContactPolicy policy) {
      return engine(policy, "policy", e -> e.contactPolicy(policy));
    }

    /**
     * Sets how customers' words are classified, as on {@link WinBackBuilder#reasonClassifier}.
     *
     * @param classifier the classifier
     * @return this builder
     */
    public Builder reasonClassifier(ReasonClassifier classifier) {
      return engine(classifier, "classifier", e -> e.reasonClassifier(classifier));
    }

    /**
     * Sets the signing keys for come-back links, as on {@link WinBackBuilder#reactivationTokens}: every goodbye and
     * second-chance ask then carries a fresh token ({@link SentMessage#comeBackToken()}), and
     * {@code winBack().redeem(token)} brings the customer back.
     *
     * @param tokens the tokens
     * @return this builder
     */
    public Builder reactivationTokens(ReactivationTokens tokens) {
      return engine(tokens, "tokens", e -> e.reactivationTokens(tokens));
    }

    /**
     * Sets any other option of the engine's builder (a store, a listener, an experiment, a suppression list, ...),
     * so a simulation can run whatever engine a host builds. The simulation sets the clock, the playbook and the four
     * strategies itself; setting one of those here, or an option twice, fails when the simulation is built, as on the
     * strict {@link WinBackBuilder}.
     *
     * @param option what to set on the engine's builder, e.g. {@code engine -> engine.batchSize(50)}
     * @return this builder
     */
    public Builder engine(Consumer<WinBackBuilder> option) {
      options.add(Objects.requireNonNull(option, "option"));
      return this;
    }

    /**
     * Sets how the simulated host answers each step (e.g. fail the first attempt); sent unless set.
     *
     * @param answers the answer for each step
     * @return this builder
     */
    public Builder answering(Function<StepContext, StepResult> answers) {
      this.answers = Objects.requireNonNull(answers, "answers");
      return this;
    }

    /**
     * Builds the simulation.
     *
     * @return the simulation
     */
    public WinBackSimulation build() {
      return new WinBackSimulation(this);
    }
  }
}
