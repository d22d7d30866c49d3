package dev.winback.spi;

import dev.winback.model.JournalEvent;

/**
 * Hears every journal event right after it is stored, for metrics, audit or integration. An exception is logged and
 * never undoes the change. Must be thread-safe and quick: it runs on the thread that made the change.
 */
@FunctionalInterface
public interface WinBackListener {

  /**
   * Receives one event.
   *
   * @param event what happened
   */
  void onEvent(JournalEvent event);

  /**
   * Receives what a strategy threw (its step is then retried or failed, as its journal events say), so that a host
   * can debug its own strategies. The exception is the strategy's own, message included: keep personal data out of
   * what you log. Does nothing by default.
   *
   * @param context the step the strategy was carrying out
   * @param failure what it threw
   */
  default void onStrategyFailure(StepContext context, Throwable failure) {}

  /**
   * Hears that a runner claimed a batch of due plans to work on (for a claims metric). Does nothing by default.
   *
   * @param plans how many plans the batch holds, at least 1
   */
  default void onClaimed(int plans) {}
}
