package dev.winback;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WinBack's built-in runner, for hosts without a scheduler: worker threads call {@link WinBack#runDue()} at a fixed
 * interval. {@link #close()} stops it gracefully: no new step starts, the steps in progress finish and are recorded,
 * and the claims on the rest of the batch are released for other nodes. Thread-safe.
 */
public final class Runner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Runner.class);

  private final ScheduledExecutorService workers;
  private final AtomicBoolean running = new AtomicBoolean(true);

  Runner(WinBack winBack, Duration interval, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("a runner needs at least one thread");
    }
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("the interval must be positive: " + interval);
    }
    ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(threads, task -> {
      Thread thread = new Thread(task, "winback-runner");
      thread.setDaemon(true);
      return thread;
    });
    pool.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.workers = pool;
    for (int i = 0; i < threads; i++) {
      workers.scheduleWithFixedDelay(
          () -> {
            try {
              winBack.runDue(running::get);
            } catch (RuntimeException e) {
              LOG.warn("runDue failed with {}; the runner goes on", e.getClass().getName());
            }
          },
          0,
          interval.toNanos(),
          TimeUnit.NANOSECONDS);
    }
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
}
