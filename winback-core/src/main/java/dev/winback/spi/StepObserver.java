package dev.winback.spi;

import java.util.concurrent.Callable;

/**
 * Wraps every call of a strategy, for timing and tracing (a Micrometer timer, an OpenTelemetry span): it runs on the
 * thread that calls the strategy, so a tracing context it opens reaches the strategy's own calls. Register with
 * {@code WinBackBuilder.stepObserver}; the first registered is the outermost. Must be thread-safe, must call
 * {@code strategy} once and return its result: what it throws counts as the strategy's failure.
 */
@FunctionalInterface
public interface StepObserver {

  /**
   * Calls the strategy, observing it.
   *
   * @param context the step the strategy carries out (its customer's personal data is not for metrics or spans)
   * @param strategy the call of the strategy (or of the next observer)
   * @return what {@code strategy} returned
   * @throws Exception what {@code strategy} threw
   */
  StepResult observe(StepContext context, Callable<StepResult> strategy) throws Exception;
}
