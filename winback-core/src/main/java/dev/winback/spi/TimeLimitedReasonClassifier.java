package dev.winback.spi;

import dev.winback.model.ExitCategory;
import dev.winback.model.ReasonClassification;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks an external classifier with a time limit, on at most {@link #MAX_CALLS} daemon threads, and answers with a
 * fallback classifier when it is late, throws, returns null or all threads are busy. Logs only the failure's type,
 * never the customer's words. Thread-safe. Not API: use {@link ReasonClassifier#withTimeout}.
 */
final class TimeLimitedReasonClassifier implements ReasonClassifier {
  /** The most external calls running at once. */
  static final int MAX_CALLS = 4;

  private static final Logger LOG = LoggerFactory.getLogger(TimeLimitedReasonClassifier.class);
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ReasonClassifier external;
  private final Duration timeout;
  private final ReasonClassifier fallback;
  private final ThreadPoolExecutor pool;

  TimeLimitedReasonClassifier(
      ReasonClassifier external, Duration timeout, ReasonClassifier fallback) {
    this.external = external;
    this.timeout = timeout;
    this.fallback = fallback;
    this.pool = new ThreadPoolExecutor(
        0, MAX_CALLS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
          Thread thread =
              new Thread(task, "winback-reason-classifier-" + THREADS.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        });
  }

  @Override
  public ExitCategory classify(String text, Locale locale) {
    return classification(text, locale).category();
  }

  @Override
  public ReasonClassification classification(String text, Locale locale) {
    Future<ReasonClassification> call;
    try {
      call = pool.submit(() -> external.classification(text, locale));
    } catch (RejectedExecutionException e) {
      LOG.warn("Reason classifier {} is busy on every thread; using the fallback", name());
      return fallback.classification(text, locale);
    }
    try {
      ReasonClassification answer = call.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      if (answer != null) {
        return answer;
      }
      LOG.warn("Reason classifier {} returned null; using the fallback", name());
    } catch (TimeoutException e) {
      call.cancel(true);
      LOG.warn("Reason classifier {} took longer than {}; using the fallback", name(), timeout);
    } catch (ExecutionException e) {
      LOG.warn(
          "Reason classifier {} failed ({}); using the fallback",
          name(),
          e.getCause() == null ? "unknown" : e.getCause().getClass().getName());
    } catch (InterruptedException e) {
      call.cancel(true);
      Thread.currentThread().interrupt();
    }
    return fallback.classification(text, locale);
  }

  private String name() {
    return external.getClass().getName();
  }

  @Override
  public String toString() {
    return "ReasonClassifier.withTimeout(" + name() + ", " + timeout + ", "
        + fallback.getClass().getName() + ")";
  }
}
