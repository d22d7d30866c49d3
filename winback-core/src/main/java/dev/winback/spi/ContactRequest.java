package dev.winback.spi;

import dev.winback.model.Channel;
import dev.winback.model.ContactPurpose;
import dev.winback.model.ContactRules;
import dev.winback.model.LostCustomer;
import dev.winback.model.StepKind;
import dev.winback.model.Suppression;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A contact WinBack is about to make (or plan), for a {@link ContactPolicy} to judge.
 *
 * @param customer the customer
 * @param planId the plan the step belongs to
 * @param kind the kind of step
 * @param channel the channel it would use
 * @param at when it would happen
 * @param history the customer's earlier contacts across all plans, oldest first
 * @param suppression the customer's entry on the global suppression list, if any
 * @param rules the playbook's contact rules
 * @param defaultZone the zone that times a customer without a time zone of their own (the engine's default zone)
 */
public record ContactRequest(
    LostCustomer customer,
    String planId,
    StepKind kind,
    Channel channel,
    Instant at,
    List<ContactRecord> history,
    Optional<Suppression> suppression,
    ContactRules rules,
    ZoneId defaultZone) {

  /**
   * Checks every part is present.
   *
   * @param customer the customer
   * @param planId the plan the step belongs to
   * @param kind the kind of step
   * @param channel the channel it would use
   * @param at when it would happen
   * @param history the customer's earlier contacts
   * @param suppression the global suppression, if any
   * @param rules the contact rules
   * @param defaultZone the zone for a customer without one
   */
  public ContactRequest {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(planId, "planId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(history, "history");
    Objects.requireNonNull(suppression, "suppression");
    Objects.requireNonNull(rules, "rules");
    Objects.requireNonNull(defaultZone, "defaultZone");
  }

  /**
   * A request for an engine without a default zone: a customer without a time zone is timed in UTC.
   *
   * @param customer the customer
   * @param planId the plan the step belongs to
   * @param kind the kind of step
   * @param channel the channel it would use
   * @param at when it would happen
   * @param history the customer's earlier contacts
   * @param suppression the global suppression, if any
   * @param rules the contact rules
   */
  public ContactRequest(
      LostCustomer customer,
      String planId,
      StepKind kind,
      Channel channel,
      Instant at,
      List<ContactRecord> history,
      Optional<Suppression> suppression,
      ContactRules rules) {
    this(customer, planId, kind, channel, at, history, suppression, rules, ZoneId.of("UTC"));
  }

  /**
   * The zone that times this contact: the customer's own, else the default zone.
   *
   * @return the zone
   */
  public ZoneId zone() {
    return customer.timeZone().orElse(defaultZone);
  }

  /**
   * Names the zone that times this contact and whose it is, for the journal.
   *
   * @return e.g. {@code Asia/Tokyo (the customer's time zone)} or {@code America/New_York (the default zone; the
   *     customer has none)}
   */
  public String describeZone() {
    return customer.timeZone().isPresent()
        ? zone() + " (the customer's time zone)"
        : zone() + " (the default zone; the customer has none)";
  }

  /**
   * The purpose of the contact, from its kind.
   *
   * @return the purpose
   */
  public ContactPurpose purpose() {
    return ContactPurpose.of(kind);
  }

  /**
   * The local time of the contact in its {@link #zone()}.
   *
   * @return the local time
   */
  public LocalTime localTime() {
    return at.atZone(zone()).toLocalTime();
  }

  /**
   * The same request on another channel.
   *
   * @param other the channel
   * @return the new request
   */
  public ContactRequest withChannel(Channel other) {
    return new ContactRequest(
        customer, planId, kind, other, at, history, suppression, rules, defaultZone);
  }

  /**
   * The same request at another time.
   *
   * @param time the time
   * @return the new request
   */
  public ContactRequest withAt(Instant time) {
    return new ContactRequest(
        customer, planId, kind, channel, time, history, suppression, rules, defaultZone);
  }
}
