package dev.winback;

import dev.winback.internal.ContactResolver;
import dev.winback.internal.StepChannels;
import dev.winback.model.Channel;
import dev.winback.model.ContactRules;
import dev.winback.model.LostCustomer;
import dev.winback.model.StepKind;
import dev.winback.model.StepTemplate;
import dev.winback.spi.ContactDecision;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.ContactRequest;
import dev.winback.spi.SuppressionList;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Previews what the contact policy would decide about a contact, the way the engine decides before a step runs:
 * delays and reroutes are followed until the contact is allowed, or a skip or suppression stops it. Nothing is
 * contacted, stored or journalled. Immutable; thread-safe when its policy, suppression list and history are.
 */
public final class ContactPreview {
  private final ContactPolicy policy;
  private final ContactRules rules;
  private final SuppressionList suppressions;
  private final Function<String, List<ContactRecord>> history;
  private final ZoneId defaultZone;

  /**
   * Where a contact ends up once the policy has had its say.
   *
   * @param channel the channel to use (or the last one considered, when stopped)
   * @param at the earliest allowed time (or the last one considered, when stopped)
   * @param changes every reroute and delay on the way, in the order decided
   * @param stop the skip or suppression that stops the contact, if any
   */
  public record Outcome(
      Channel channel, Instant at, List<ContactDecision> changes, Optional<ContactDecision> stop) {
    /**
     * Checks every part is present.
     *
     * @param channel the channel
     * @param at the time
     * @param changes the reroutes and delays
     * @param stop the stopping decision, if any
     */
    public Outcome {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(at, "at");
      changes = List.copyOf(changes);
      Objects.requireNonNull(stop, "stop");
    }

    /**
     * Tells whether the contact may go ahead (on {@link #channel()} at {@link #at()}).
     *
     * @return true when nothing stops it
     */
    public boolean allowed() {
      return stop.isEmpty();
    }
  }

  private ContactPreview(
      ContactPolicy policy,
      ContactRules rules,
      SuppressionList suppressions,
      Function<String, List<ContactRecord>> history,
      ZoneId defaultZone) {
    this.policy = Objects.requireNonNull(policy, "policy");
    this.rules = Objects.requireNonNull(rules, "rules");
    this.suppressions = Objects.requireNonNull(suppressions, "suppressions");
    this.history = Objects.requireNonNull(history, "history");
    this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
  }

  /**
   * A preview under a policy, contact rules, a suppression list and each customer's earlier contacts; customers
   * without a time zone are timed in UTC unless {@link #withDefaultZone} says otherwise.
   *
   * @param policy the policy, e.g. {@link ContactPolicy#standard()}
   * @param rules the contact rules, e.g. a playbook's or {@link ContactRules#defaults()}
   * @param suppressions the suppression list to honour
   * @param history each customer's earlier contacts by customer id, oldest first, e.g. {@code store::contactHistory}
   * @return the preview
   */
  public static ContactPreview of(
      ContactPolicy policy,
      ContactRules rules,
      SuppressionList suppressions,
      Function<String, List<ContactRecord>> history) {
    return new ContactPreview(policy, rules, suppressions, history, ZoneId.of("UTC"));
  }

  /**
   * The same preview timing customers without a time zone of their own in a default zone, as an engine built with
   * that {@code defaultZone} does.
   *
   * @param zone the business's zone
   * @return the new preview
   */
  public ContactPreview withDefaultZone(ZoneId zone) {
    return new ContactPreview(policy, rules, suppressions, history, zone);
  }

  /**
   * The channel the engine would plan a step of this kind on when the playbook names none: the customer's preferred
   * channel if they consent to it, else their first consented contact point; never a call for a goodbye.
   *
   * @param customer the customer
   * @param kind the kind of step
   * @return the channel, or empty when the customer consents to none that fits
   */
  public static Optional<Channel> channelFor(LostCustomer customer, StepKind kind) {
    return StepChannels.channelFor(StepTemplate.at(kind, Duration.ZERO), customer);
  }

  /**
   * Previews a contact: looks the customer up on the suppression list, reads their earlier contacts and applies the
   * policy until it allows the contact or stops it.
   *
   * @param customer the customer
   * @param planId what the policy sees as the plan id; no such plan need exist (e.g. {@code "check-in:" + id})
   * @param kind the kind of step
   * @param channel the channel it would use
   * @param at when it would happen
   * @return where the contact ends up
   * @throws IllegalStateException when the policy delays a contact to no later time
   */
  public Outcome preview(
      LostCustomer customer, String planId, StepKind kind, Channel channel, Instant at) {
    ContactResolver.Resolution resolution = ContactResolver.resolve(
        policy,
        new ContactRequest(
            customer,
            planId,
            kind,
            channel,
            at,
            history.apply(customer.id()),
            suppressions.lookup(customer),
            rules,
            defaultZone));
    return new Outcome(
        resolution.channel(), resolution.at(), resolution.changes(), resolution.stop());
  }

  /**
   * Describes a decision in the words the journal uses: what it did, the rule and why.
   *
   * @param decision a decision
   * @return e.g. {@code skipped by rule consent: no channel with consent for MARKETING contact}; "allowed" for an allow
   */
  public static String explain(ContactDecision decision) {
    return ContactResolver.explain(Objects.requireNonNull(decision, "decision"));
  }
}
