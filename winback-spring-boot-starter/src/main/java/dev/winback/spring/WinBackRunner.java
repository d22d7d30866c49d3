package dev.winback.spring;

import dev.winback.Runner;
import dev.winback.WinBack;
import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.SmartLifecycle;

/**
 * WinBack's built-in {@link Runner} as part of the application's lifecycle: it starts with the context and stops
 * before the web server's graceful shutdown and before the {@code DataSource} closes. Stopping is graceful, off
 * Spring's thread: no new step starts, the steps in progress finish and are recorded, and the claims on the rest are
 * released for other nodes; then Spring is told. While the store fails the runner backs off (see {@link Runner}).
 * Spring waits {@code spring.lifecycle.timeout-per-shutdown-phase} (30 seconds unless set) for a phase to stop: set
 * it above the longest a strategy may take, or the database may close under a step that is still running.
 * Thread-safe.
 */
public final class WinBackRunner implements SmartLifecycle {
  /**
   * Stops before the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}) and starts after the web server.
   */
  public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

  private final WinBack winBack;
  private final Duration interval;
  private final int threads;
  private @Nullable Runner runner;

  /**
   * A runner for an engine, not started.
   *
   * @param winBack the engine
   * @param interval the pause between runs, positive
   * @param threads the number of threads, at least 1
   */
  public WinBackRunner(WinBack winBack, Duration interval, int threads) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the interval must be positive: " + interval);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("a runner needs at least one thread: " + threads);
    }
    this.winBack = winBack;
    this.interval = interval;
    this.threads = threads;
  }

  /** Starts the runner; does nothing when it runs already. */
  @Override
  public synchronized void start() {
    if (runner == null) {
      runner = winBack.startRunner(interval, threads);
    }
  }

  /** Stops the runner gracefully and waits for it. */
  @Override
  public void stop() {
    Runner stopping = detach();
    if (stopping != null) {
      stopping.close();
    }
  }

  /**
   * Stops the runner gracefully on a thread of its own, then calls back.
   *
   * @param callback what Spring runs once the runner has stopped
   */
  @Override
  public void stop(Runnable callback) {
    Runner stopping = detach();
    if (stopping == null) {
      callback.run();
      return;
    }
    Thread thread = new Thread(
        () -> {
          try {
            stopping.close();
          } finally {
            callback.run();
          }
        },
        "winback-runner-stop");
    thread.start();
  }

  private synchronized @Nullable Runner detach() {
    Runner current = runner;
    runner = null;
    return current;
  }

  /**
   * Tells whether the runner was started and not stopped.
   *
   * @return true while started
   */
  @Override
  public synchronized boolean isRunning() {
    return runner != null;
  }

  /**
   * The runner while it runs: its health ({@link Runner#failuresInARow()}, {@link Runner#lastSuccessAt()}).
   *
   * @return the runner, empty when stopped
   */
  public synchronized Optional<Runner> runner() {
    return Optional.ofNullable(runner);
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  @Override
  public String toString() {
    return "WinBackRunner[interval=" + interval + ", threads=" + threads + ", running="
        + isRunning() + "]";
  }
}
