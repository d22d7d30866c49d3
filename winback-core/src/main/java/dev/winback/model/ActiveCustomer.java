package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A customer who is still with us, as the host describes them, so WinBack can find the loyal customers who look
 * like those who left and check in with them, or thank them once a year.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableActiveCustomer.class)
@JsonDeserialize(as = ImmutableActiveCustomer.class)
public abstract class ActiveCustomer {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  ActiveCustomer() {}

  /**
   * The host's id for the customer.
   *
   * @return the id
   */
  public abstract String id();

  /**
   * The name to address them by.
   *
   * @return the display name
   */
  @Value.Redacted
  public abstract String displayName();

  /**
   * How to reach them, each with its consent.
   *
   * @return the contact points
   */
  public abstract List<ContactPoint> contactPoints();

  /**
   * Their preferred channel, if any.
   *
   * @return the channel
   */
  public abstract Optional<Channel> preferredChannel();

  /**
   * Their time zone.
   *
   * @return the zone, UTC unless set
   */
  @Value.Default
  public ZoneId timeZone() {
    return ZoneOffset.UTC;
  }

  /**
   * Their segment, if any.
   *
   * @return the segment
   */
  public abstract Optional<String> segment();

  /**
   * The products they use, by the host's names (compared with lost customers' {@code product} attribute).
   *
   * @return the products
   */
  public abstract Set<String> products();

  /**
   * When they became a customer, if known: the date of their yearly thank-you.
   *
   * @return the start of the relationship
   */
  public abstract Optional<Instant> customerSince();

  /**
   * The causes of churn they were exposed to (e.g. {@link ExitCategory#SERVICE_FAILURE} for those hit by an
   * outage), as the host knows them.
   *
   * @return the exposures
   */
  public abstract Set<ExitCategory> exposures();

  /**
   * When we last thanked them, if ever.
   *
   * @return the time of the last thank-you
   */
  public abstract Optional<Instant> lastThankedAt();

  /**
   * Starts building an active customer.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds an {@link ActiveCustomer}; not thread-safe. */
  public static final class Builder extends ImmutableActiveCustomer.Builder {}

  @Value.Check
  void check() {
    Checks.of("ActiveCustomer")
        .id(id(), "id")
        .name(displayName(), "displayName")
        .items(contactPoints().size(), "contactPoints")
        .name(segment(), "segment")
        .names(products(), "products")
        .plausible(customerSince(), "customerSince")
        .plausible(lastThankedAt(), "lastThankedAt")
        .throwIfAny();
  }
}
