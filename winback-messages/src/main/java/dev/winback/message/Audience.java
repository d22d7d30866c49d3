package dev.winback.message;

import dev.winback.model.ChurnSignal;
import dev.winback.model.LostCustomer;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Who the customer is, as far as the wording is concerned: the last part of a template id. The customer attribute
 * {@code audience} ({@code consumer}, {@code business} or {@code donor}) decides when set; otherwise stopped
 * donations or a segment naming donors make a donor, a contract not renewed or a segment naming a business
 * ({@code business}, {@code b2b}, {@code enterprise}, {@code company}) makes a business account, and everyone else
 * is a consumer.
 */
enum Audience {
  CONSUMER,
  BUSINESS,
  DONOR;

  private static final Set<String> BUSINESS_WORDS =
      Set.of("business", "b2b", "enterprise", "company");

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Audience> ofId(String id) {
    for (Audience audience : values()) {
      if (audience.id().equals(id)) {
        return Optional.of(audience);
      }
    }
    return Optional.empty();
  }

  static Audience of(LostCustomer customer) {
    String attribute = customer.attributes().get("audience");
    if (attribute != null) {
      Optional<Audience> named = ofId(attribute.trim().toLowerCase(Locale.ROOT));
      if (named.isPresent()) {
        return named.get();
      }
    }
    String segment = customer.segment().orElse("").toLowerCase(Locale.ROOT);
    if (customer.churnSignal() == ChurnSignal.DONATIONS_STOPPED || segment.contains("donor")) {
      return DONOR;
    }
    if (customer.churnSignal() == ChurnSignal.CONTRACT_NOT_RENEWED
        || BUSINESS_WORDS.stream().anyMatch(segment::contains)) {
      return BUSINESS;
    }
    return CONSUMER;
  }
}
