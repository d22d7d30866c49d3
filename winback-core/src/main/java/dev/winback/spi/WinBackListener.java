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
}
