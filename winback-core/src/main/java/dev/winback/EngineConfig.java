package dev.winback;

import dev.winback.internal.StepStrategies;
import dev.winback.model.Playbook;
import dev.winback.spi.ActivityWriter;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.PlanStore;
import dev.winback.spi.ReasonClassifier;
import dev.winback.spi.StepObserver;
import dev.winback.spi.SuppressionList;
import dev.winback.spi.WinBackListener;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * An engine's configuration as {@link WinBackBuilder#build()} left it: every option with its default filled in.
 * Immutable.
 */
record EngineConfig(
    Clock clock,
    Playbook playbook,
    List<PlanLint.Finding> playbookWarnings,
    PlanStore store,
    StepStrategies strategies,
    List<WinBackListener> listeners,
    List<StepObserver> observers,
    ActivityWriter activities,
    ReasonClassifier classifier,
    int batchSize,
    SuppressionList suppressionList,
    ContactPolicy contactPolicy,
    Optional<ReactivationTokens> tokens,
    Optional<URI> customerPages,
    Optional<Experiment> experiment,
    String nodeId,
    Duration lease,
    Optional<Duration> stepTimeout,
    ZoneId defaultZone) {

  /** The most threads strategies with a timeout may hold at once. */
  static final int MAX_STRATEGY_THREADS = 32;

  @Override
  public String toString() {
    return "playbook=" + playbook.name() + ", store=" + store.getClass().getSimpleName()
        + ", clock=" + clock
        + ", batchSize=" + batchSize + ", lease=" + lease + ", defaultZone=" + defaultZone
        + stepTimeout.map(t -> ", stepTimeout=" + t).orElse("")
        + experiment.map(e -> ", experiment=" + e.name()).orElse("");
  }
}
