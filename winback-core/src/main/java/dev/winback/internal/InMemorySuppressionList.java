package dev.winback.internal;

import dev.winback.model.ContactPoint;
import dev.winback.model.LostCustomer;
import dev.winback.model.Suppression;
import dev.winback.spi.SuppressionList;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link SuppressionList} in memory, keyed by customer id and by address fingerprints (never raw addresses).
 * Thread-safe. Not API: use {@link SuppressionList#inMemory()}.
 */
public final class InMemorySuppressionList implements SuppressionList {
  private final ConcurrentHashMap<String, Suppression> entries = new ConcurrentHashMap<>();

  @Override
  public Optional<Suppression> lookup(LostCustomer customer) {
    if (entries.isEmpty()) {
      return Optional.empty();
    }
    Suppression byId = entries.get("id:" + customer.id());
    if (byId != null) {
      return Optional.of(byId);
    }
    for (ContactPoint point : customer.contactPoints()) {
      Suppression byAddress = entries.get(AddressFingerprint.of(point));
      if (byAddress != null) {
        return Optional.of(byAddress);
      }
    }
    return Optional.empty();
  }

  @Override
  public void add(LostCustomer customer, Suppression reason) {
    entries.put("id:" + customer.id(), reason);
    for (ContactPoint point : customer.contactPoints()) {
      entries.put(AddressFingerprint.of(point), reason);
    }
  }
}
