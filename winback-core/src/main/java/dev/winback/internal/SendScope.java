package dev.winback.internal;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The customer whose step the current thread is sending, if any: a strategy that decides about its own customer
 * while sending (e.g. erases them, or opts them out after a bounce) must not wait for the fence its own send holds.
 * Such a decision runs at once, inside the send, which already keeps every other decision about the customer out.
 */
public final class SendScope {
  private static final ThreadLocal<String> SENDING_TO = new ThreadLocal<>();

  private SendScope() {}

  /**
   * Runs a send to a customer on this thread.
   *
   * @param customerId the customer
   * @param send the send
   * @param <T> what it returns
   * @return what it returned
   */
  public static <T> T sending(String customerId, Supplier<T> send) {
    String outer = SENDING_TO.get();
    SENDING_TO.set(customerId);
    try {
      return send.get();
    } finally {
      if (outer == null) {
        SENDING_TO.remove();
      } else {
        SENDING_TO.set(outer);
      }
    }
  }

  /**
   * The customer this thread is sending to.
   *
   * @return the customer's id, if the thread is in a send
   */
  public static Optional<String> current() {
    return Optional.ofNullable(SENDING_TO.get());
  }
}
