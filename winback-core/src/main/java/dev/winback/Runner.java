package dev.winback;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WinBack's built-in runner, for hosts without a scheduler: worker threads call {@link WinBack#runDue()} at a fixed
 * interval. While runs fail (the store is down, say) the workers back off, doubling the pause up to {@link
 * #MAX_BACKOFF} (or the interval, if longer), and log once when the failures start and once when they end.
 * {@link #close()} stops it gracefully: no new step starts, the steps in progress finish and are recorded, and the
 * claims on the rest of the batch are released for other nodes. Thread-safe.
 */
public final class Runner implements AutoCloseable {
  /** The longest pause between runs while they keep failing, unless the interval is longer. */
  public static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

  private static final Logger LOG = LoggerFactory.getLogger(Runner.class);

  private final WinBack winBack;
  private final Clock clock;
  private final Duration interval;
  private final ScheduledThreadPoolExecutor workers;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final AtomicInteger failuresInARow = new AtomicInteger();
  private final AtomicReference<@Nullable Instant> lastSuccess = new AtomicReference<>();

  Runner(WinBack winBack, Clock clock, Duration interval, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("a runner needs at least one thread");
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the interval must be positive: " + interval);
    }
    this.winBack = winBack;
    this.clock = clock;
    this.interval = interval;
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, task -> {
      Thread thread = new Thread(task, "winback-runner");
      thread.setDaemon(true);
      return thread;
    });
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.workers = pool;
    for (int i = 0; i < threads; i++) {
      workers.execute(this::runOnce);
    }
  }

  private void runOnce() {
    if (!running.get()) {
      return;
    }
    Duration pause = interval;
    try {
      winBack.runDue(running::get);
      lastSuccess.set(clock.instant());
      int failed = failuresInARow.getAndSet(0);
      if (failed > 0) {
        LOG.info(
            "runDue works again after {} failed runs; the runner is back to its interval", failed);
      }
    } catch (RuntimeException | Error e) {
      // an Error too (a driver class missing, say): uncaught, it would end this worker's schedule
      // silently
      int failed = failuresInARow.incrementAndGet();
      pause = backoff(failed);
      if (failed == 1) {
        LOG.warn(
            "runDue failed with {}; the runner backs off (up to {}) until it works again",
            e.getClass().getName(),
            maxPause());
      }
    }
    if (running.get()) {
      try {
        workers.schedule(this::runOnce, pause.toNanos(), TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        // closed meanwhile
      }
    }
  }

  /** The pause after {@code failed} failed runs in a row: the interval, doubled per failure, capped. */
  Duration backoff(int failed) {
    Duration max = maxPause();
    Duration pause = interval;
    for (int i = 0; i < failed && pause.compareTo(max) < 0; i++) {
      pause = pause.multipliedBy(2);
    }
    return pause.compareTo(max) > 0 ? max : pause;
  }

  private Duration maxPause() {
    return interval.compareTo(MAX_BACKOFF) > 0 ? interval : MAX_BACKOFF;
  }

  /**
   * Tells whether the runner is still running.
   *
   * @return false once closed
   */
  public boolean isRunning() {
    return running.get();
  }

  /**
   * How many runs in a row have failed: zero while runs succeed; above zero, the runner is backing off.
   *
   * @return the failures since the last successful run
   */
  public int failuresInARow() {
    return failuresInARow.get();
  }

  /**
   * When a run last completed without failing, by the engine's clock.
   *
   * @return the time, empty before the first successful run
   */
  public Optional<Instant> lastSuccessAt() {
    return Optional.ofNullable(lastSuccess.get());
  }

  /**
   * Stops the runner and waits (up to a minute) for the steps in progress to finish.
   */
  @Override
  public void close() {
    running.set(false);
    workers.shutdown();
    try {
      if (!workers.awaitTermination(1, TimeUnit.MINUTES)) {
        LOG.warn("runner workers still busy after a minute; leaving them to finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "Runner[interval=" + interval + ", running=" + running.get() + ", failuresInARow="
        + failuresInARow.get() + "]";
  }
}
