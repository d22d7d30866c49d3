package dev.winback.examples.spring;

import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.ReEngagementStrategy;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stands for a mailer: carries out every kind of step by logging what it would send. It logs the step's kind, its
 * channel and its idempotency key, never the customer's name or address. Thread-safe.
 */
public final class LoggingMailer
    implements FeedbackStrategy, ApologyStrategy, IncentiveStrategy, ReEngagementStrategy {
  private static final Logger LOG = LoggerFactory.getLogger(LoggingMailer.class);

  /** A mailer that logs. */
  public LoggingMailer() {}

  private static StepResult send(StepContext context) {
    LOG.info(
        "would send a {} by {} (message {})",
        context.step().kind(),
        context.step().channel(),
        context.idempotencyKey());
    return StepResult.sent("log-" + context.idempotencyKey());
  }

  @Override
  public StepResult requestFeedback(StepContext context) {
    return send(context);
  }

  @Override
  public StepResult apologise(StepContext context) {
    return send(context);
  }

  @Override
  public StepResult offerIncentive(StepContext context) {
    return send(context);
  }

  @Override
  public StepResult reEngage(StepContext context) {
    return send(context);
  }
}
