package dev.winback.testing;

import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.ReEngagementStrategy;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A hand-written fake for every strategy: records each call and answers as told (sent, unless told otherwise). */
public final class Recorder
    implements FeedbackStrategy, ApologyStrategy, IncentiveStrategy, ReEngagementStrategy {

  /** What a strategy does with a step; may throw to simulate a host failure. */
  @FunctionalInterface
  public interface Behaviour {
    StepResult apply(StepContext context) throws Exception;
  }

  private final List<StepContext> calls = new CopyOnWriteArrayList<>();
  private volatile Behaviour behaviour =
      context -> StepResult.sent("ref-" + context.idempotencyKey());

  /**
   * Sets how the strategies answer from now on.
   *
   * @param behaviour the behaviour
   * @return this recorder
   */
  public Recorder answering(Behaviour behaviour) {
    this.behaviour = behaviour;
    return this;
  }

  /** Every call so far, in order. */
  public List<StepContext> calls() {
    return List.copyOf(calls);
  }

  private StepResult record(StepContext context) throws Exception {
    calls.add(context);
    return behaviour.apply(context);
  }

  @Override
  public StepResult requestFeedback(StepContext context) throws Exception {
    return record(context);
  }

  @Override
  public StepResult apologise(StepContext context) throws Exception {
    return record(context);
  }

  @Override
  public StepResult offerIncentive(StepContext context) throws Exception {
    return record(context);
  }

  @Override
  public StepResult reEngage(StepContext context) throws Exception {
    return record(context);
  }
}
