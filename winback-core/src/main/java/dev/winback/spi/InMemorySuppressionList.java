package dev.winback.spi;

import dev.winback.model.LostCustomer;
import dev.winback.model.Suppression;
import java.util.List;
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
    return entries.isEmpty() ? Optional.empty() : find(fingerprints.toLookUp(customer));
  }

  @Override
  public Optional<Suppression> lookup(LostCustomer customer, String homeRegion) {
    return entries.isEmpty() ? Optional.empty() : find(fingerprints.toLookUp(customer, homeRegion));
  }

  @Override
  public void add(LostCustomer customer, Suppression reason) {
    fingerprints.toStore(customer).forEach(key -> entries.put(key, reason));
  }

  @Override
  public void add(LostCustomer customer, Suppression reason, String homeRegion) {
    fingerprints.toStore(customer, homeRegion).forEach(key -> entries.put(key, reason));
  }

  /**
   * Puts a fingerprint taken elsewhere on the list (e.g. one kept from before addresses were normalised).
   *
   * @param fingerprint the fingerprint, as {@link AddressFingerprints} takes it under this list's key
   * @param reason why they must not be contacted
   */
  void addFingerprint(String fingerprint, Suppression reason) {
    entries.put(fingerprint, reason);
  }

  private Optional<Suppression> find(List<String> keys) {
    for (String key : keys) {
      Suppression reason = entries.get(key);
      if (reason != null) {
        return Optional.of(reason);
      }
    }
    return Optional.empty();
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
