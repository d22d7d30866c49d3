package dev.winback.spi;

import dev.winback.model.ContactPoint;
import dev.winback.model.LostCustomer;
import dev.winback.model.Suppression;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SuppressionList} in memory, keyed by keyed fingerprints of customer ids and addresses (never the raw
 * values). Thread-safe. Not API: use {@link SuppressionList#inMemory()}.
 */
final class InMemorySuppressionList implements SuppressionList {
  private final AddressFingerprints fingerprints;
  private final ConcurrentHashMap<String, Suppression> entries = new ConcurrentHashMap<>();

  /**
   * Creates an empty list.
   *
   * @param key the fingerprint key
   */
  public InMemorySuppressionList(byte[] key) {
    this.fingerprints = new AddressFingerprints(key);
  }

  @Override
  public Optional<Suppression> lookup(LostCustomer customer) {
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    Suppression byId = entries.get(fingerprints.ofId(customer.id()));
    if (byId != null) {
      return Optional.of(byId);
    }
    for (ContactPoint point : customer.contactPoints()) {
      Suppression byAddress = entries.get(fingerprints.of(point));
      if (byAddress != null) {
        return Optional.of(byAddress);
      }
    }
    return Optional.empty();
  }

  @Override
  public void add(LostCustomer customer, Suppression reason) {
    entries.put(fingerprints.ofId(customer.id()), reason);
    for (ContactPoint point : customer.contactPoints()) {
      entries.put(fingerprints.of(point), reason);
    }
  }

  /**
   * Everything the list holds, for audits and erasure tests.
   *
   * @return fingerprint to reason
   */
  public Map<String, Suppression> entries() {
    return Map.copyOf(entries);
  }
}
