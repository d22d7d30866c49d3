package dev.winback.micrometer;

import dev.winback.Operations;
import dev.winback.WinBack;
import dev.winback.model.Backlog;
import dev.winback.model.Channel;
import dev.winback.model.JournalEvent;
import dev.winback.model.PlanStatus;
import dev.winback.model.StepKind;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepObserver;
import dev.winback.spi.StepResult;
import dev.winback.spi.WinBackListener;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;

/**
 * WinBack's metrics and observations on a Micrometer registry. Register it on the engine as a listener and a step
 * observer, then bind the backlog gauges to the engine:
 *
 * <pre>{@code
 * WinBackMetrics metrics = WinBackMetrics.builder(meterRegistry).observations(observationRegistry).build();
 * WinBack winBack = WinBack.builder()...listener(metrics).stepObserver(metrics).build();
 * metrics.bindBacklog(winBack);
 * }</pre>
 *
 * <p>Meters: {@value #STEPS} (counter; tags kind, channel, outcome: done, skipped, failed, retried, delayed,
 * rerouted, carried, cancelled), {@value #LATENCY} (timer of each strategy call; kind, channel, outcome: sent,
 * skipped, failed, error), {@value #RETRIES} (kind, channel), {@value #PLANS_STARTED}, {@value #PLANS_ENDED} (status),
 * {@value #QUARANTINED}, {@value #CLAIMS}, {@value #OPERATOR_ACTIONS}, and the gauges {@value #BACKLOG_DUE} and
 * {@value #BACKLOG_LAG} (seconds the oldest due step has waited). The observation {@value #OBSERVATION} wraps each
 * strategy call. Tags never hold a customer's id or data. Thread-safe.
 */
public final class WinBackMetrics implements WinBackListener, StepObserver {
  /** Steps by what became of them. */
  public static final String STEPS = "winback.steps";
  /** How long strategies took. */
  public static final String LATENCY = "winback.strategy.latency";
  /** Strategy calls that failed and will be tried again. */
  public static final String RETRIES = "winback.step.retries";
  /** Plans started. */
  public static final String PLANS_STARTED = "winback.plans.started";
  /** Plans that ended, by how. */
  public static final String PLANS_ENDED = "winback.plans.ended";
  /** Plans taken out of the due order for an operator. */
  public static final String QUARANTINED = "winback.plans.quarantined";
  /** Plans claimed by runners. */
  public static final String CLAIMS = "winback.claims";
  /** Actions operators took. */
  public static final String OPERATOR_ACTIONS = "winback.operator.actions";
  /** Plans with a step due now. */
  public static final String BACKLOG_DUE = "winback.backlog.due";
  /** Seconds the oldest due step has waited. */
  public static final String BACKLOG_LAG = "winback.backlog.lag";
  /** The observation around each strategy call. */
  public static final String OBSERVATION = "winback.step";

  private final MeterRegistry meters;
  private final ObservationRegistry observations;
  private final Clock clock;
  private final Duration backlogRefresh;
  private final Counter claims;
  private final Counter quarantined;
  private final Counter started;
  private final Object backlogLock = new Object();
  private @Nullable Operations operations;
  private @Nullable Backlog backlog;
  private @Nullable Instant backlogReadAt;

  private WinBackMetrics(Builder builder) {
    this.meters = builder.meters;
    this.observations = builder.observations;
    this.clock = builder.clock;
    this.backlogRefresh = builder.backlogRefresh;
    this.claims = Counter.builder(CLAIMS)
        .description("Plans claimed by WinBack's runners")
        .register(meters);
    this.quarantined = Counter.builder(QUARANTINED)
        .description("Plans WinBack took out of the due order for an operator")
        .register(meters);
    this.started =
        Counter.builder(PLANS_STARTED).description("Win-back plans started").register(meters);
  }

  /**
   * Starts configuring metrics on a registry.
   *
   * @param meters where the meters go
   * @return a new builder
   */
  public static Builder builder(MeterRegistry meters) {
    return new Builder(meters);
  }

  /**
   * Registers the backlog gauges, which read the engine's store at most once per refresh interval however often they
   * are scraped; while the store cannot be read they report NaN. Call once, after the engine is built.
   *
   * @param winBack the engine whose backlog to gauge
   * @throws IllegalStateException when already bound
   */
  public void bindBacklog(WinBack winBack) {
    Objects.requireNonNull(winBack, "winBack");
    synchronized (backlogLock) {
      if (operations != null) {
        throw new IllegalStateException("the backlog gauges are already bound to an engine");
      }
      operations = winBack.operations();
    }
    Gauge.builder(
            BACKLOG_DUE, this, m -> m.backlog().map(b -> (double) b.duePlans()).orElse(Double.NaN))
        .description("Win-back plans with a step due now")
        .register(meters);
    Gauge.builder(
            BACKLOG_LAG,
            this,
            m -> m.backlog().map(b -> seconds(b.lag(clock.instant()))).orElse(Double.NaN))
        .description("How long the oldest due win-back step has waited")
        .baseUnit("seconds")
        .register(meters);
  }

  private Optional<Backlog> backlog() {
    synchronized (backlogLock) {
      Instant now = clock.instant();
      if (operations == null) {
        return Optional.empty();
      }
      if (backlogReadAt == null || !now.isBefore(backlogReadAt.plus(backlogRefresh))) {
        backlogReadAt = now;
        try {
          backlog = operations.backlog();
        } catch (RuntimeException e) {
          backlog = null; // the store is down: NaN until it answers again
        }
      }
      return Optional.ofNullable(backlog);
    }
  }

  private static double seconds(Duration duration) {
    return duration.toNanos() / 1e9;
  }

  @Override
  public void onEvent(JournalEvent event) {
    switch (event.type()) {
      case STEP_DONE -> step(event, "done");
      case STEP_SKIPPED -> step(event, "skipped");
      case STEP_FAILED -> step(event, "failed");
      case STEP_CARRIED -> step(event, "carried");
      case STEP_DELAYED -> step(event, "delayed");
      case STEP_REROUTED -> step(event, "rerouted");
      case STEP_CANCELLED -> step(event, "cancelled");
      case STEP_RETRY_SCHEDULED -> {
        step(event, "retried");
        Counter.builder(RETRIES)
            .description("Strategy calls that failed and will be tried again")
            .tag("kind", kind(event.stepKind()))
            .tag("channel", channel(event.channel()))
            .register(meters)
            .increment();
      }
      case PLAN_STARTED -> started.increment();
      case PLAN_ENDED ->
        Counter.builder(PLANS_ENDED)
            .description("Win-back plans that ended, by how")
            .tag("status", endStatus(event.detail()))
            .register(meters)
            .increment();
      case PLAN_QUARANTINED -> quarantined.increment();
      case OPERATOR_ACTION ->
        Counter.builder(OPERATOR_ACTIONS)
            .description("Actions operators took on plans")
            .register(meters)
            .increment();
      default -> {
        // other events are not metered
      }
    }
  }

  /** The status a PLAN_ENDED event names first ("WON_BACK: the customer came back"). */
  private static String endStatus(String detail) {
    int colon = detail.indexOf(':');
    String head = colon < 0 ? detail : detail.substring(0, colon);
    for (PlanStatus status : PlanStatus.values()) {
      if (status.name().equals(head)) {
        return status.name().toLowerCase(Locale.ROOT);
      }
    }
    return "unknown";
  }

  private void step(JournalEvent event, String outcome) {
    Counter.builder(STEPS)
        .description("Win-back steps, by what became of them")
        .tag("kind", kind(event.stepKind()))
        .tag("channel", channel(event.channel()))
        .tag("outcome", outcome)
        .register(meters)
        .increment();
  }

  private static String kind(Optional<StepKind> kind) {
    return kind.map(k -> k.name().toLowerCase(Locale.ROOT)).orElse("none");
  }

  private static String channel(Optional<Channel> channel) {
    return channel.map(c -> c.name().toLowerCase(Locale.ROOT)).orElse("none");
  }

  @Override
  public void onClaimed(int plans) {
    claims.increment(plans);
  }

  @Override
  public StepResult observe(StepContext context, Callable<StepResult> strategy) throws Exception {
    String kind = context.step().kind().name().toLowerCase(Locale.ROOT);
    String channel = context.step().channel().name().toLowerCase(Locale.ROOT);
    Observation observation = Observation.createNotStarted(OBSERVATION, observations)
        .contextualName("winback " + kind)
        .lowCardinalityKeyValue("kind", kind)
        .lowCardinalityKeyValue("channel", channel)
        .start();
    Timer.Sample sample = Timer.start(meters);
    String outcome = "error";
    try (Observation.Scope scope = observation.openScope()) {
      StepResult result = strategy.call();
      outcome = outcomeOf(result);
      return result;
    } catch (Exception | Error e) {
      observation.error(e);
      throw e;
    } finally {
      observation.lowCardinalityKeyValue("outcome", outcome);
      observation.stop();
      sample.stop(Timer.builder(LATENCY)
          .description("How long WinBack's strategies took, per call")
          .tag("kind", kind)
          .tag("channel", channel)
          .tag("outcome", outcome)
          .register(meters));
    }
  }

  private static String outcomeOf(@Nullable StepResult result) {
    if (result instanceof StepResult.Sent) {
      return "sent";
    } else if (result instanceof StepResult.Skipped) {
      return "skipped";
    } else if (result instanceof StepResult.Failed) {
      return "failed";
    }
    return "error";
  }

  @Override
  public String toString() {
    return "WinBackMetrics[" + meters.getClass().getSimpleName() + "]";
  }

  /** Configures {@link WinBackMetrics}; not thread-safe. */
  public static final class Builder {
    private final MeterRegistry meters;
    private ObservationRegistry observations = ObservationRegistry.NOOP;
    private Clock clock = Clock.systemUTC();
    private Duration backlogRefresh = Duration.ofSeconds(15);

    private Builder(MeterRegistry meters) {
      this.meters = Objects.requireNonNull(meters, "meters");
    }

    /**
     * Wraps each strategy call in an Observation on this registry (for tracing); none unless set.
     *
     * @param registry the observation registry
     * @return this builder
     */
    public Builder observations(ObservationRegistry registry) {
      this.observations = Objects.requireNonNull(registry, "registry");
      return this;
    }

    /**
     * The clock the lag is measured by: the engine's own; the system's UTC clock unless set.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long a read of the backlog serves the gauges before the store is asked again; 15 seconds unless set.
     *
     * @param refresh the interval, zero to read on every scrape
     * @return this builder
     * @throws IllegalArgumentException when negative
     */
    public Builder backlogRefresh(Duration refresh) {
      if (refresh.isNegative()) {
        throw new IllegalArgumentException("the backlog refresh must not be negative: " + refresh);
      }
      this.backlogRefresh = refresh;
      return this;
    }

    /**
     * Builds the metrics, registering the counters that exist from the start.
     *
     * @return the metrics
     */
    public WinBackMetrics build() {
      return new WinBackMetrics(this);
    }
  }
}
