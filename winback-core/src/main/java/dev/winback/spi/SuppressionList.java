package dev.winback.spi;

import dev.winback.internal.InMemorySuppressionList;
import dev.winback.model.LostCustomer;
import dev.winback.model.Suppression;
import java.util.Optional;

/**
 * The global list of people who must not be contacted, whatever plan or customer record asks: by customer id and by
 * a fingerprint of every contact address, so the same person under a new customer id is still recognised. Checked
 * before anything else. Implementations must be thread-safe.
 */
public interface SuppressionList {

  /**
   * Finds a customer on the list, by id or by any of their contact addresses.
   *
   * @param customer the customer
   * @return why they must not be contacted, if they are on the list
   */
  Optional<Suppression> lookup(LostCustomer customer);

  /**
   * Puts a customer on the list, by id and by every contact address.
   *
   * @param customer the customer
   * @param reason why they must not be contacted
   */
  void add(LostCustomer customer, Suppression reason);

  /**
   * A list kept in this process's memory; it stores fingerprints of addresses, never the addresses.
   *
   * @return a new, empty list
   */
  static SuppressionList inMemory() {
    return new InMemorySuppressionList();
  }
}
