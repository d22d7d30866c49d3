package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.Map;
import org.immutables.value.Value;

/**
 * One way to reach a customer (an e-mail address, a phone number, a postal address) with the customer's consent
 * for it. The address is personal data: it is masked in {@code toString()} and never logged.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableContactPoint.class)
@JsonDeserialize(as = ImmutableContactPoint.class)
public abstract class ContactPoint {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  ContactPoint() {}

  /**
   * The channel this contact point serves.
   *
   * @return the channel
   */
  public abstract Channel channel();

  /**
   * The address: an e-mail address, a phone number or a postal address, depending on the channel.
   *
   * @return the address
   */
  @Value.Redacted
  public abstract String address();

  /**
   * The customer's consent to be contacted here; {@link Consent#UNKNOWN} (no contact) unless set.
   *
   * @return the consent
   */
  @Value.Default
  public Consent consent() {
    return Consent.UNKNOWN;
  }

  /**
   * Consent for particular purposes where it differs from {@link #consent()}, e.g. granted for service contact but
   * denied for marketing.
   *
   * @return the consent per purpose
   */
  public abstract Map<ContactPurpose, Consent> purposeConsents();

  /**
   * The customer's consent to be contacted here for a purpose.
   *
   * @param purpose the purpose
   * @return the purpose's own consent, else the general one
   */
  public Consent consentFor(ContactPurpose purpose) {
    Consent specific = purposeConsents().get(purpose);
    return specific != null ? specific : consent();
  }

  /**
   * Creates a contact point.
   *
   * @param channel the channel
   * @param address the address for that channel
   * @param consent the customer's consent
   * @return the contact point
   * @throws dev.winback.InvalidInputException when the address is not valid for the channel
   */
  public static ContactPoint of(Channel channel, String address, Consent consent) {
    return builder().channel(channel).address(address).consent(consent).build();
  }

  /**
   * Starts building a contact point.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link ContactPoint}; not thread-safe. */
  public static final class Builder extends ImmutableContactPoint.Builder {}

  @Value.Check
  void check() {
    Checks checks = Checks.of("ContactPoint").text(address(), Limits.MAX_ADDRESS_LENGTH, "address");
    if (address().isBlank()) {
      checks.require(false, "address", "must not be blank");
    } else if (channel() == Channel.EMAIL) {
      checks.require(Checks.isEmailAddress(address()), "address", "is not a valid e-mail address");
    } else if (channel() == Channel.PHONE || channel() == Channel.SMS) {
      checks.require(Checks.isPhoneNumber(address()), "address", "is not a valid phone number");
    }
    checks.throwIfAny();
  }
}
