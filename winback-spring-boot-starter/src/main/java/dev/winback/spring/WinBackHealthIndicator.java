package dev.winback.spring;

import dev.winback.Runner;
import dev.winback.WinBack;
import dev.winback.model.Backlog;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * WinBack's health: {@code DOWN} when the store cannot be read or the runner is enabled but stopped or failing;
 * {@code OUT_OF_SERVICE} when the store and runner work but the oldest due step is overdue by more than
 * {@code winback.health.max-lag} (the engine works and falls behind, which more threads, a shorter interval or a
 * slow strategy fixed helps with, where a restart would not); {@code UP} otherwise. Its details are counts, times and
 * the runner's state: no customer's data. Thread-safe.
 */
final class WinBackHealthIndicator implements HealthIndicator {
  private final WinBack winBack;
  private final ObjectProvider<WinBackRunner> runner;
  private final Clock clock;
  private final Duration maxLag;

  WinBackHealthIndicator(
      WinBack winBack, ObjectProvider<WinBackRunner> runner, Clock clock, Duration maxLag) {
    this.winBack = winBack;
    this.runner = runner;
    this.clock = clock;
    this.maxLag = maxLag;
  }

  @Override
  public Health health() {
    Health.Builder health = Health.up();
    boolean runnerWorks = describeRunner(health);
    Backlog backlog;
    try {
      backlog = winBack.operations().backlog();
    } catch (RuntimeException e) {
      // the exception's class only: a driver's message may quote what it was given
      return health
          .down()
          .withDetail("store", "unreachable")
          .withDetail("error", e.getClass().getName())
          .build();
    }
    Duration lag = backlog.lag(clock.instant());
    health
        .withDetail("store", "reachable")
        .withDetail("duePlans", backlog.duePlans())
        .withDetail("lag", lag.toString())
        .withDetail("maxLag", maxLag.toString());
    backlog.oldestDue().ifPresent(oldest -> health.withDetail("oldestDue", oldest.toString()));
    if (!runnerWorks) {
      health.down();
    } else if (lag.compareTo(maxLag) > 0) {
      health.outOfService();
    }
    return health.build();
  }

  /** Adds the runner's state and tells whether it works: false when an enabled runner is stopped or failing. */
  private boolean describeRunner(Health.Builder health) {
    WinBackRunner lifecycle = runner.getIfAvailable();
    if (lifecycle == null) {
      health.withDetail("runner", "disabled");
      return true;
    }
    Optional<Runner> running = lifecycle.runner().filter(Runner::isRunning);
    if (running.isEmpty()) {
      health.down().withDetail("runner", "stopped");
      return false;
    }
    int failures = running.get().failuresInARow();
    health
        .withDetail("runner", failures > 0 ? "failing" : "running")
        .withDetail("failuresInARow", failures);
    running
        .get()
        .lastSuccessAt()
        .ifPresent(at -> health.withDetail("lastSuccessAt", at.toString()));
    return failures == 0;
  }
}
