package dev.winback.model;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A customer we have lost, with the records a win-back needs: how to reach them and with what consent, how we know
 * they left and why, what they were worth, and what we know of where they went.
 *
 * <p>Immutable and thread-safe; personal data is masked in {@code toString()}.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableLostCustomer.class)
@JsonDeserialize(as = ImmutableLostCustomer.class)
public abstract class LostCustomer {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  LostCustomer() {}

  /**
   * The host's id for this customer.
   *
   * @return the id, not blank
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
   * Every way we can reach them, each with its own consent, in the host's order.
   *
   * @return the contact points
   */
  public abstract List<ContactPoint> contactPoints();

  /**
   * The channel they prefer, if they said.
   *
   * @return the preferred channel
   */
  public abstract Optional<Channel> preferredChannel();

  /**
   * The language and region to write to them in.
   *
   * @return the locale, English unless set
   */
  @Value.Default
  public Locale locale() {
    return Locale.ENGLISH;
  }

  /**
   * Their time zone, for timing messages to their day, if the host knows it; the engine times a customer without one
   * in its default zone ({@code WinBack.builder().defaultZone(...)}, else UTC).
   *
   * @return the zone, if known
   */
  public abstract Optional<ZoneId> timeZone();

  /**
   * The host's segment for them (e.g. {@code smb}, {@code enterprise}), if any.
   *
   * @return the segment
   */
  public abstract Optional<String> segment();

  /**
   * Free tags the host uses to group customers.
   *
   * @return the tags
   */
  public abstract Set<String> tags();

  /**
   * When they became a customer, if known.
   *
   * @return the start of the relationship
   */
  public abstract Optional<Instant> customerSince();

  /**
   * When they left.
   *
   * @return the time of the loss
   */
  public abstract Instant lostAt();

  /**
   * How we know they left.
   *
   * @return the churn signal
   */
  public abstract ChurnSignal churnSignal();

  /**
   * Why they left, most important first; empty when we do not know yet.
   *
   * @return the reasons
   */
  public abstract List<ExitReason> exitReasons();

  /**
   * What they were worth to us, if known.
   *
   * @return the value
   */
  public abstract Optional<CustomerValue> value();

  /**
   * What we know of the arrangement they left us for.
   *
   * @return the new arrangement
   */
  public abstract Optional<NewArrangement> newArrangement();

  /**
   * Their budget cycle, for business customers.
   *
   * @return the budget cycle
   */
  public abstract Optional<BudgetCycle> budgetCycle();

  /**
   * Why they must not be contacted at all, if that is so.
   *
   * @return the suppression
   */
  public abstract Optional<Suppression> suppression();

  /**
   * What this customer keeps after leaving, when it differs from the playbook's {@link Playbook#exitTerms()}.
   *
   * @return the customer's own exit terms
   */
  public abstract Optional<ExitTerms> exitTerms();

  /**
   * Free-form attributes the host wants to carry through to its strategies.
   *
   * @return the attributes
   */
  public abstract Map<String, String> attributes();

  /**
   * How long they were a customer, if we know when they started.
   *
   * @return the tenure
   */
  public Optional<Duration> tenure() {
    return customerSince().map(since -> Duration.between(since, lostAt()));
  }

  /**
   * The most important reason they left, {@link ExitCategory#UNKNOWN} when we do not know.
   *
   * @return the primary exit category
   */
  @Value.Derived
  @Value.Auxiliary
  @JsonIgnore
  public ExitCategory primaryCategory() {
    return exitReasons().isEmpty() ? ExitCategory.UNKNOWN : exitReasons().get(0).category();
  }

  /**
   * Tells whether any reason they left was our fault.
   *
   * @return true when we owe them an apology
   */
  @Value.Derived
  @Value.Auxiliary
  @JsonIgnore
  public boolean faultWasOurs() {
    for (ExitReason reason : exitReasons()) {
      if (reason.ourFault()) {
        return true;
      }
    }
    return false;
  }

  /** The categories of every reason, one bit per category ordinal; kept in the value so rules check it cheaply. */
  @Value.Derived
  @Value.Auxiliary
  @JsonIgnore
  int exitCategoryBits() {
    int bits = 0;
    for (ExitReason reason : exitReasons()) {
      bits |= 1 << reason.category().ordinal();
    }
    return bits;
  }

  /** The consented channels, one bit per channel ordinal. */
  @Value.Derived
  @Value.Auxiliary
  @JsonIgnore
  int consentedChannelBits() {
    int bits = 0;
    for (ContactPoint point : contactPoints()) {
      if (point.consent().allowsContact()
          || point.purposeConsents().containsValue(Consent.GRANTED)) {
        bits |= 1 << point.channel().ordinal();
      }
    }
    return bits;
  }

  /**
   * When the customer first told us themselves why they left, if they have: the earliest of their reasons that is
   * {@link ExitReason#fromTheCustomer() their own}. Such a customer is not asked again, and is thanked for it.
   *
   * @return the time of their first answer
   */
  public Optional<Instant> answeredAt() {
    Instant first = null;
    for (ExitReason reason : exitReasons()) {
      if (reason.fromTheCustomer() && (first == null || reason.recordedAt().isBefore(first))) {
        first = reason.recordedAt();
      }
    }
    return Optional.ofNullable(first);
  }

  /**
   * Tells whether any of their reasons falls in a category.
   *
   * @param category the category
   * @return true when one of the reasons has it
   */
  public boolean leftBecauseOf(ExitCategory category) {
    return (exitCategoryBits() & 1 << category.ordinal()) != 0;
  }

  /**
   * Tells whether we have their consent to contact them on a channel.
   *
   * @param channel the channel
   * @return true when a contact point for the channel has consent
   */
  public boolean consentsTo(Channel channel) {
    return (consentedChannelBits() & 1 << channel.ordinal()) != 0;
  }

  /**
   * Tells whether we have their consent to contact them on a channel for a purpose.
   *
   * @param channel the channel
   * @param purpose the purpose
   * @return true when a contact point for the channel has consent for the purpose
   */
  public boolean consentsTo(Channel channel, ContactPurpose purpose) {
    for (ContactPoint point : contactPoints()) {
      if (point.channel() == channel && point.consentFor(purpose).allowsContact()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Tells whether we have their consent for at least one channel.
   *
   * @return true when some channel may be used
   */
  public boolean consentsToAnyChannel() {
    return consentedChannelBits() != 0;
  }

  /**
   * The channels we have consent for, for any purpose.
   *
   * @return the consented channels
   */
  public Set<Channel> consentedChannels() {
    Set<Channel> channels = EnumSet.noneOf(Channel.class);
    for (Channel channel : Channel.values()) {
      if (consentsTo(channel)) {
        channels.add(channel);
      }
    }
    return Collections.unmodifiableSet(channels);
  }

  /**
   * The contact point for a channel, if they have one.
   *
   * @param channel the channel
   * @return the first contact point for it
   */
  public Optional<ContactPoint> contactPoint(Channel channel) {
    return contactPoints().stream().filter(p -> p.channel() == channel).findFirst();
  }

  /**
   * Starts building a lost customer.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link LostCustomer}; not thread-safe. */
  public static final class Builder extends ImmutableLostCustomer.Builder {}

  @Value.Check
  void check() {
    Checks checks = Checks.of("LostCustomer")
        .id(id(), "id")
        .name(displayName(), "displayName")
        .items(contactPoints().size(), "contactPoints")
        .require(
            locale().toString().length() <= Limits.MAX_NAME_LENGTH
                && locale().toLanguageTag().length() <= Limits.MAX_NAME_LENGTH,
            "locale",
            "must be at most " + Limits.MAX_NAME_LENGTH + " characters long")
        .name(segment(), "segment")
        .names(tags(), "tags")
        .plausible(customerSince(), "customerSince")
        .plausible(lostAt(), "lostAt")
        .items(exitReasons().size(), "exitReasons")
        .attributes(attributes(), "attributes");
    customerSince()
        .ifPresent(since ->
            checks.require(!since.isAfter(lostAt()), "customerSince", "must not be after lostAt"));
    for (int i = 0; i < exitReasons().size(); i++) {
      if (customerSince().isPresent()
          && exitReasons().get(i).recordedAt().isBefore(customerSince().get())) {
        checks.require(
            false, "exitReasons[" + i + "].recordedAt", "must not be before customerSince");
      }
    }
    checks.throwIfAny();
  }
}
