package dev.winback;

import dev.winback.model.LostCustomer;
import dev.winback.model.Suppression;
import dev.winback.spi.SuppressionList;
import java.util.Optional;

/**
 * The host's suppression list as the engine uses it when the builder names a {@code defaultRegion}: every lookup
 * and addition reads phone numbers without a country code as numbers of that region. Thread-safe when the list is.
 *
 * @param list the host's list
 * @param region the engine's home region for phone numbers
 */
record HomeRegionList(SuppressionList list, String region) implements SuppressionList {

  @Override
  public Optional<Suppression> lookup(LostCustomer customer) {
    return list.lookup(customer, region);
  }

  @Override
  public void add(LostCustomer customer, Suppression reason) {
    list.add(customer, reason, region);
  }

  @Override
  public Optional<Suppression> lookup(LostCustomer customer, String homeRegion) {
    return list.lookup(customer, homeRegion);
  }

  @Override
  public void add(LostCustomer customer, Suppression reason, String homeRegion) {
    list.add(customer, reason, homeRegion);
  }
}
