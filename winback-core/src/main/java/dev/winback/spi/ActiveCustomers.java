package dev.winback.spi;

import dev.winback.model.ActiveCustomer;
import java.util.stream.Stream;

/**
 * The host's customers who are still with it, for loyalty check-ins. Called once per selection; the stream is
 * consumed once and closed. Must be thread-safe.
 */
@FunctionalInterface
public interface ActiveCustomers {

  /**
   * Streams the active customers.
   *
   * @return the customers
   */
  Stream<ActiveCustomer> stream();
}
