package dev.winback.spi;

import dev.winback.model.Channel;
import dev.winback.model.ContactPoint;
import dev.winback.model.ContactPurpose;
import dev.winback.model.ContactRules;
import dev.winback.model.DailyWindow;
import dev.winback.model.ExitCategory;
import dev.winback.model.FrequencyCap;
import dev.winback.model.LostCustomer;
import dev.winback.model.ReasonCap;
import dev.winback.model.StepKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The contact rules WinBack always applies: suppression, consent per channel and purpose, reason-aware caps,
 * frequency caps, quiet hours. Stateless and thread-safe. Not API: use {@link ContactPolicy#standard()}.
 */
enum StandardContactPolicy implements ContactPolicy {
  /** The one instance. */
  INSTANCE;

  @Override
  public ContactDecision evaluate(ContactRequest request) {
    LostCustomer customer = request.customer();
    if (request.suppression().isPresent()) {
      return new ContactDecision.Suppress(
          "suppression-list",
          "the customer is on the suppression list (" + request.suppression().get() + ")");
    }
    if (customer.suppression().isPresent()) {
      return new ContactDecision.Suppress(
          "suppression",
          "the customer must not be contacted (" + customer.suppression().get() + ")");
    }
    if (customer.leftBecauseOf(ExitCategory.DECEASED)) {
      return new ContactDecision.Suppress("deceased", "the customer is deceased");
    }
    if (customer.leftBecauseOf(ExitCategory.LEGAL_HOLD)) {
      return new ContactDecision.Suppress("legal-hold", "a legal matter forbids contact");
    }
    if (customer.leftBecauseOf(ExitCategory.DO_NOT_CONTACT)) {
      return new ContactDecision.Suppress(
          "do-not-contact", "the customer asked never to be contacted again");
    }
    ContactPurpose purpose = request.purpose();
    if (!customer.consentsTo(request.channel(), purpose)) {
      Optional<Channel> next = preferredConsented(customer, purpose, request.channel())
          .filter(
              channel -> channel != Channel.PHONE || request.kind() != StepKind.GRACEFUL_GOODBYE);
      return next.<ContactDecision>map(channel -> new ContactDecision.Reroute(
              channel,
              "consent",
              "no " + purpose + " consent on " + request.channel() + "; " + channel
                  + " is the next consented channel the customer prefers"))
          .orElseGet(() -> new ContactDecision.Skip(
              "consent", "no channel with consent for " + purpose + " contact"));
    }
    ContactRules rules = request.rules();
    for (ReasonCap reasonCap : rules.reasonCaps()) {
      if (!customer.leftBecauseOf(reasonCap.reason())) {
        continue;
      }
      String rule = "reason-cap(" + reasonCap.reason() + ")";
      if (reasonCap.preferredChannelOnly()) {
        Optional<Channel> preferred = preferredConsented(customer, purpose, null)
            .filter(
                channel -> channel != Channel.PHONE || request.kind() != StepKind.GRACEFUL_GOODBYE);
        if (preferred.isPresent() && preferred.get() != request.channel()) {
          return new ContactDecision.Reroute(
              preferred.get(),
              rule,
              "customers who left over " + reasonCap.reason()
                  + " are contacted only on their preferred channel");
        }
      }
      Instant until = capUntil(request.history(), reasonCap.cap(), request.at());
      if (until != null) {
        return new ContactDecision.Delay(
            until,
            rule,
            "at most " + describe(reasonCap.cap()) + " for customers who left over "
                + reasonCap.reason());
      }
    }
    for (FrequencyCap cap : rules.caps()) {
      Instant until = capUntil(request.history(), cap, request.at());
      if (until != null) {
        return new ContactDecision.Delay(
            until,
            "frequency-cap(" + describe(cap) + ")",
            "at most " + describe(cap) + " with one customer");
      }
    }
    Optional<DailyWindow> hours = rules.allowedHours(request.channel());
    if (hours.isPresent() && !hours.get().contains(request.localTime())) {
      DailyWindow window = hours.get();
      return new ContactDecision.Delay(
          nextAllowed(request.at(), request.zone(), window),
          "quiet-hours(" + request.channel() + " " + window.from() + "-" + window.until() + ")",
          request.channel() + " only from " + window.from() + " to " + window.until() + " in "
              + request.describeZone());
    }
    return ContactDecision.allow();
  }

  /**
   * The customer's preferred channel with consent for a purpose, else the first consented contact point's channel.
   *
   * @param customer the customer
   * @param purpose the purpose
   * @param excluded a channel not to return, or null
   * @return the channel, if any
   */
  static Optional<Channel> preferredConsented(
      LostCustomer customer, ContactPurpose purpose, @Nullable Channel excluded) {
    if (customer.preferredChannel().isPresent()) {
      Channel preferred = customer.preferredChannel().get();
      if (preferred != excluded && customer.consentsTo(preferred, purpose)) {
        return Optional.of(preferred);
      }
    }
    for (ContactPoint point : customer.contactPoints()) {
      if (point.channel() != excluded && point.consentFor(purpose).allowsContact()) {
        return Optional.of(point.channel());
      }
    }
    return Optional.empty();
  }

  /** The first time at or after which one more contact fits the cap, or null when it fits at {@code at}. */
  static @Nullable Instant capUntil(List<ContactRecord> history, FrequencyCap cap, Instant at) {
    Instant windowStart = at.minus(cap.window());
    int inWindow = 0;
    for (ContactRecord contact : history) {
      if (contact.at().isAfter(windowStart) && !contact.at().isAfter(at)) {
        inWindow++;
      }
    }
    if (inWindow < cap.maxContacts()) {
      return null;
    }
    int skip = inWindow - cap.maxContacts();
    for (ContactRecord contact : history) {
      if (contact.at().isAfter(windowStart) && !contact.at().isAfter(at) && skip-- == 0) {
        return contact.at().plus(cap.window());
      }
    }
    throw new IllegalStateException("history is not ordered by time");
  }

  /** The next moment in the customer's zone when the window opens, after {@code at}. */
  static Instant nextAllowed(Instant at, ZoneId zone, DailyWindow window) {
    ZonedDateTime local = at.atZone(zone);
    LocalDate day = local.toLocalTime().isBefore(window.from())
        ? local.toLocalDate()
        : local.toLocalDate().plusDays(1);
    Instant next = ZonedDateTime.of(day, window.from(), zone).toInstant();
    return next.isAfter(at)
        ? next
        : ZonedDateTime.of(day.plusDays(1), window.from(), zone).toInstant();
  }

  private static String describe(FrequencyCap cap) {
    long days = cap.window().toDays();
    String window = days > 0 && cap.window().equals(java.time.Duration.ofDays(days))
        ? days + (days == 1 ? " day" : " days")
        : cap.window().toString();
    return cap.maxContacts() + (cap.maxContacts() == 1 ? " contact" : " contacts") + " per "
        + window;
  }
}
