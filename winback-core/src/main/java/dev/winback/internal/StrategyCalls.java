package dev.winback.internal;

import dev.winback.spi.StepContext;
import dev.winback.spi.StepObserver;
import dev.winback.spi.StepResult;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
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
 * Calls the host's strategies and always comes back with a result: whatever a strategy throws (an
 * {@link Error} too) or a null it returns becomes a failed result, retried like any other. With a timeout, each
 * call runs on a thread of a bounded pool and is interrupted when its time is up; a strategy that ignores the
 * interrupt keeps its thread, and once every thread is held so, further steps fail at once (and are retried later)
 * instead of leaking threads. Thread-safe; {@link #close()} stops the threads.
 */
public final class StrategyCalls implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StrategyCalls.class);

  private final StepStrategies strategies;
  private final List<StepObserver> observers;
  private final EventPublisher publisher;
  private final Optional<Duration> timeout;
  private final Optional<ThreadPoolExecutor> threads;

  /**
   * Calls through the given strategies.
   *
   * @param strategies the strategies by step kind
   * @param observers wrap each call, the first outermost
   * @param publisher tells the listeners what a strategy threw
   * @param timeout how long a call may take, if bounded
   * @param maxThreads the most threads calls with a timeout may hold at once
   * @param nodeId the engine's node id, in the threads' names
   */
  public StrategyCalls(
      StepStrategies strategies,
      List<StepObserver> observers,
      EventPublisher publisher,
      Optional<Duration> timeout,
      int maxThreads,
      String nodeId) {
    this.strategies = strategies;
    this.observers = List.copyOf(observers);
    this.publisher = publisher;
    this.timeout = timeout;
    AtomicInteger count = new AtomicInteger();
    this.threads = timeout.map(t -> new ThreadPoolExecutor(
        0, maxThreads, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), task -> {
          Thread thread =
              new Thread(task, "winback-strategy-" + nodeId + "-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        }));
  }

  /**
   * Calls the strategy for a step.
   *
   * @param context the step's context
   * @return the strategy's result, or a failed result saying what went wrong
   */
  public StepResult call(StepContext context) {
    String who = "Strategy for " + context.step().kind() + " step "
        + context.step().index() + " of plan " + context.plan().id();
    try {
      StepResult result = threads.isEmpty() ? observed(context) : callInTime(context);
      return result != null ? result : StepResult.failed("the strategy returned no result");
    } catch (TimeoutException e) {
      LOG.warn("{} did not answer within {}", who, timeout.orElseThrow());
      return StepResult.failed("the strategy did not answer within " + timeout.orElseThrow());
    } catch (RejectedExecutionException e) {
      LOG.warn("{} not called: every strategy thread is still held by a call that timed out", who);
      return StepResult.failed(
          "no strategy thread free: earlier calls that timed out still hold them");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return StepResult.failed("interrupted while waiting for the strategy");
    } catch (Throwable e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      cause =
          cause instanceof StrategyException && cause.getCause() != null ? cause.getCause() : cause;
      HostFailures.log(LOG, who, context.step().channel(), cause);
      publisher.strategyFailed(context, cause);
      return StepResult.failed("the strategy threw " + cause.getClass().getName());
    }
  }

  private StepResult callInTime(StepContext context) throws Exception {
    String customerId = context.customer().id();
    Future<StepResult> call = threads
        .orElseThrow()
        .submit(() -> SendScope.sending(customerId, () -> {
          try {
            return observed(context);
          } catch (Exception e) {
            throw new StrategyException(e);
          }
        }));
    try {
      return call.get(timeout.orElseThrow().toNanos(), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      throw e;
    }
  }

  /** Calls the strategy through the observers, the first outermost. */
  private StepResult observed(StepContext context) throws Exception {
    Callable<StepResult> call = () -> strategies.invoke(context);
    for (int i = observers.size() - 1; i >= 0; i--) {
      StepObserver observer = observers.get(i);
      Callable<StepResult> inner = call;
      call = () -> observer.observe(context, inner);
    }
    return call.call();
  }

  /** Carries a strategy's checked exception out of a pooled call. */
  private static final class StrategyException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StrategyException(Exception cause) {
      super(cause.getClass().getName(), cause);
    }
  }

  /** Stops the strategy threads, interrupting calls still running. */
  @Override
  public void close() {
    threads.ifPresent(ThreadPoolExecutor::shutdownNow);
  }
}
