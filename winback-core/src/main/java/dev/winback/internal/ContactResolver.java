package dev.winback.internal;

import dev.winback.model.Channel;
import dev.winback.spi.ContactDecision;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.ContactRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies a contact policy until it allows a contact: follows reroutes and delays, stops at a skip or suppression,
 * and records every decision on the way so it can be explained. Stateless. Not API.
 */
public final class ContactResolver {
  private static final int MAX_ROUNDS = 32;

  private ContactResolver() {}

  /**
   * Where a contact ended up after the policy had its say.
   *
   * @param channel the channel to use
   * @param at the earliest allowed time
   * @param changes every reroute and delay, in the order decided
   * @param stop a skip or suppression that stops the contact, if any
   */
  public record Resolution(
      Channel channel, Instant at, List<ContactDecision> changes, Optional<ContactDecision> stop) {}

  /**
   * Resolves a contact.
   *
   * @param policy the policy
   * @param request the contact as planned
   * @return the resolution
   */
  public static Resolution resolve(ContactPolicy policy, ContactRequest request) {
    List<ContactDecision> changes = new ArrayList<>(2);
    Set<Channel> tried = EnumSet.of(request.channel());
    ContactRequest current = request;
    for (int round = 0; round < MAX_ROUNDS; round++) {
      ContactDecision decision = policy.evaluate(current);
      if (decision instanceof ContactDecision.Allow) {
        return new Resolution(current.channel(), current.at(), changes, Optional.empty());
      } else if (decision instanceof ContactDecision.Reroute reroute) {
        if (!tried.add(reroute.channel())) {
          return stop(
              current,
              changes,
              new ContactDecision.Skip(
                  reroute.rule(), "the contact rules allow no channel: " + reroute.reason()));
        }
        changes.add(reroute);
        current = current.withChannel(reroute.channel());
      } else if (decision instanceof ContactDecision.Delay delay) {
        if (!delay.until().isAfter(current.at())) {
          throw new IllegalStateException(
              "contact rule '" + delay.rule() + "' delayed a contact to no later time");
        }
        changes.add(delay);
        current = current.withAt(delay.until());
      } else {
        return stop(current, changes, decision);
      }
    }
    return stop(
        current,
        changes,
        new ContactDecision.Skip(
            "contact-policy",
            "no allowed time and channel found after " + MAX_ROUNDS + " adjustments"));
  }

  private static Resolution stop(
      ContactRequest at, List<ContactDecision> changes, ContactDecision decision) {
    return new Resolution(at.channel(), at.at(), changes, Optional.of(decision));
  }

  /**
   * Describes a decision for the journal: the rule and the reason.
   *
   * @param decision a decision other than allow
   * @return e.g. {@code quiet-hours(PHONE 08:00-21:00): PHONE only from ...}
   */
  public static String explain(ContactDecision decision) {
    if (decision instanceof ContactDecision.Delay d) {
      return "delayed to " + d.until() + " by rule " + d.rule() + ": " + d.reason();
    } else if (decision instanceof ContactDecision.Reroute r) {
      return "rerouted to " + r.channel() + " by rule " + r.rule() + ": " + r.reason();
    } else if (decision instanceof ContactDecision.Skip s) {
      return "skipped by rule " + s.rule() + ": " + s.reason();
    } else if (decision instanceof ContactDecision.Suppress s) {
      return "suppressed by rule " + s.rule() + ": " + s.reason();
    }
    return "allowed";
  }
}
