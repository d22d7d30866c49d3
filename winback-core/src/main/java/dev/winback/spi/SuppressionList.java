package dev.winback.spi;

import dev.winback.model.LostCustomer;
import dev.winback.model.Suppression;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * The global list of people who must not be contacted, whatever plan or customer record asks: by keyed fingerprints
 * of the customer id and of every contact address, so the same person under a new customer id is still recognised. The
 * stock lists fingerprint one spelling per address ({@link AddressFingerprints}): {@code +44 20 7946 0000}, {@code 020
 * 7946 0000} (in the home region GB) and {@code 0044 20 7946 0000} are one number. Checked before anything else.
 * Implementations must be thread-safe.
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
   * Finds a customer on the list, reading phone numbers written without a country code as numbers of a home region
   * (the engine's {@code defaultRegion}). The stock lists honour the region; this default ignores it.
   *
   * @param customer the customer
   * @param homeRegion an ISO 3166-1 alpha-2 region code, e.g. {@code GB}
   * @return why they must not be contacted, if they are on the list
   */
  default Optional<Suppression> lookup(LostCustomer customer, String homeRegion) {
    return lookup(customer);
  }

  /**
   * Puts a customer on the list, reading phone numbers written without a country code as numbers of a home region.
   * The stock lists honour the region; this default ignores it.
   *
   * @param customer the customer
   * @param reason why they must not be contacted
   * @param homeRegion an ISO 3166-1 alpha-2 region code, e.g. {@code GB}
   */
  default void add(LostCustomer customer, Suppression reason, String homeRegion) {
    add(customer, reason);
  }

  /**
   * A list kept in this process's memory under a random fingerprint key; it stores keyed fingerprints of ids and
   * addresses, never the values.
   *
   * @return a new, empty list
   */
  static SuppressionList inMemory() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return new InMemorySuppressionList(key);
  }

  /**
   * A list kept in this process's memory under a given fingerprint key (HMAC-SHA256), so its fingerprints can be
   * compared with those of another list under the same key.
   *
   * @param fingerprintKey the key, at least 16 bytes; keep it secret
   * @return a new, empty list
   * @throws IllegalArgumentException when the key is shorter than 16 bytes
   */
  static SuppressionList inMemory(byte[] fingerprintKey) {
    return new InMemorySuppressionList(fingerprintKey);
  }
}
