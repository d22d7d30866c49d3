package dev.winback.internal;

import dev.winback.model.Channel;
import dev.winback.model.ContactRules;
import dev.winback.model.EventType;
import dev.winback.model.JournalEvent;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.StepStatus;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactDecision;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.ContactRequest;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Applies the contact policy to a new plan, step by step in order, counting the plan's own earlier steps as
 * contacts: steps move to allowed times and channels, or are skipped, and every decision becomes a journal event, as
 * does the sizing of each offer (or why a step planned as skipped made none).
 * Stateless. Not API.
 */
public final class ContactPlanning {
  private ContactPlanning() {}

  /**
   * A plan after the contact policy, and the events that explain what the policy changed.
   *
   * @param plan the plan
   * @param events the explanations
   */
  public record Planned(WinBackPlan plan, List<JournalEvent> events) {}

  /**
   * Applies the policy to a new plan, timing a customer without a time zone in UTC.
   *
   * @param plan the plan as the playbook chose it
   * @param policy the contact policy
   * @param rules the playbook's contact rules
   * @param history the customer's earlier contacts, oldest first
   * @param listed the customer's entry on the suppression list, if any
   * @param now the time of planning
   * @return the adjusted plan and its explanations
   */
  public static Planned apply(
      WinBackPlan plan,
      ContactPolicy policy,
      ContactRules rules,
      List<ContactRecord> history,
      Optional<Suppression> listed,
      Instant now) {
    return apply(plan, policy, rules, history, listed, now, ZoneId.of("UTC"));
  }

  /**
   * Applies the policy to a new plan.
   *
   * @param plan the plan as the playbook chose it
   * @param policy the contact policy
   * @param rules the playbook's contact rules
   * @param history the customer's earlier contacts, oldest first
   * @param listed the customer's entry on the suppression list, if any
   * @param now the time of planning
   * @param defaultZone the zone that times a customer without one of their own
   * @return the adjusted plan and its explanations
   */
  public static Planned apply(
      WinBackPlan plan,
      ContactPolicy policy,
      ContactRules rules,
      List<ContactRecord> history,
      Optional<Suppression> listed,
      Instant now,
      ZoneId defaultZone) {
    if (!plan.status().isActive()) {
      return new Planned(plan, List.of());
    }
    List<ContactRecord> contacts = new ArrayList<>(history.size() + plan.steps().size());
    contacts.addAll(history);
    List<PlanStep> steps = new ArrayList<>(plan.steps().size());
    List<JournalEvent> events = new ArrayList<>();
    Instant previous = plan.startedAt();
    boolean anyContact = false;
    Optional<Lead> lead = Optional.empty();
    for (PlanStep step : plan.steps()) {
      Optional<OfferFit.Note> note = OfferFit.note(step);
      note.ifPresent(n -> events.add(event(plan, step, now, n.type(), n.detail())));
      if (step.status() != StepStatus.PENDING) { // skipped when planned: no contact
        steps.add(step);
        continue;
      }
      Optional<PlanStep> rides =
          ride(lead, plan, plan.customer(), step, contacts, policy, rules, listed, defaultZone);
      if (rides.isPresent()) {
        steps.add(rides.get());
        continue;
      }
      Instant at = step.dueAt().isBefore(previous) ? previous : step.dueAt();
      ContactResolver.Resolution resolution = ContactResolver.resolve(
          policy,
          new ContactRequest(
              plan.customer(),
              plan.id(),
              step.kind(),
              step.channel(),
              at,
              contacts,
              listed,
              rules,
              defaultZone));
      if (resolution.stop().orElse(null) instanceof ContactDecision.Suppress suppress) {
        WinBackPlan suppressed = WinBackPlan.builder()
            .from(plan)
            .steps(List.of())
            .rule(Planner.DO_NOT_CONTACT_RULE)
            .rationale(
                "No contact at all: " + suppress.reason() + " (rule " + suppress.rule() + ").")
            .status(PlanStatus.SUPPRESSED)
            .endedAt(now)
            .build();
        return new Planned(suppressed, List.of());
      }
      PlanStep.Builder adjusted =
          PlanStep.builder().from(step).channel(resolution.channel()).dueAt(resolution.at());
      for (ContactDecision change : resolution.changes()) {
        events.add(event(
            plan,
            step,
            now,
            change instanceof ContactDecision.Delay
                ? EventType.STEP_DELAYED
                : EventType.STEP_REROUTED,
            step.kind() + " " + ContactResolver.explain(change)));
      }
      if (resolution.stop().isPresent()) {
        String why = ContactResolver.explain(resolution.stop().get());
        adjusted.status(StepStatus.SKIPPED).completedAt(now).outcome(why);
        events.add(event(plan, step, now, EventType.STEP_SKIPPED, step.kind() + ": " + why));
      } else {
        lead = Optional.of(
            new Lead(step.dueAt(), resolution.at(), resolution.channel(), contacts.size()));
        contacts.add(
            new ContactRecord(resolution.at(), resolution.channel(), step.kind(), plan.id()));
        previous = resolution.at();
        anyContact = true;
      }
      steps.add(adjusted.build());
    }
    WinBackPlan.Builder result = WinBackPlan.builder().from(plan).steps(steps);
    if (!anyContact && !steps.isEmpty()) {
      result
          .status(PlanStatus.SUPPRESSED)
          .endedAt(now)
          .rationale(plan.rationale() + " No step may be sent under the contact rules.");
    }
    return new Planned(result.build(), events);
  }

  /**
   * A step of a running plan after the contact policy, and the events that explain what the policy changed.
   *
   * @param step the step, moved, rerouted or skipped as the policy decided
   * @param events the explanations
   */
  public record Adjusted(PlanStep step, List<JournalEvent> events) {}

  /**
   * Applies the policy to steps planned into a running plan (after feedback), in order, counting the customer's
   * contacts so far and each allowed step before it, so that contacts already made count against every cap.
   *
   * @param plan the plan, for its id and customer
   * @param customer the customer as they are now known
   * @param steps the steps to judge, in the order they will run
   * @param contactsSoFar the contacts made or under way, oldest first
   * @param notBefore the earliest time for any of the steps
   * @param policy the contact policy
   * @param rules the playbook's contact rules
   * @param listed the customer's entry on the suppression list, if any
   * @param now the time of planning
   * @return the adjusted steps in the same order, or the suppression that forbids any contact
   */
  public static Result adjust(
      WinBackPlan plan,
      LostCustomer customer,
      List<PlanStep> steps,
      List<ContactRecord> contactsSoFar,
      Instant notBefore,
      ContactPolicy policy,
      ContactRules rules,
      Optional<Suppression> listed,
      Instant now) {
    List<ContactRecord> contacts = new ArrayList<>(contactsSoFar.size() + steps.size());
    contacts.addAll(contactsSoFar);
    List<Adjusted> adjusted = new ArrayList<>(steps.size());
    Instant previous = notBefore;
    Optional<Lead> lead = Optional.empty();
    for (PlanStep step : steps) {
      Optional<PlanStep> rides =
          ride(lead, plan, customer, step, contacts, policy, rules, listed, ZoneId.of("UTC"));
      if (rides.isPresent()) {
        adjusted.add(new Adjusted(rides.get(), List.of()));
        continue;
      }
      Instant at = step.dueAt().isBefore(previous) ? previous : step.dueAt();
      ContactResolver.Resolution resolution = ContactResolver.resolve(
          policy,
          new ContactRequest(
              customer, plan.id(), step.kind(), step.channel(), at, contacts, listed, rules));
      if (resolution.stop().orElse(null) instanceof ContactDecision.Suppress suppress) {
        return new Result(List.of(), Optional.of(suppress));
      }
      List<JournalEvent> events = new ArrayList<>(1);
      for (ContactDecision change : resolution.changes()) {
        events.add(event(
            plan,
            step,
            now,
            change instanceof ContactDecision.Delay
                ? EventType.STEP_DELAYED
                : EventType.STEP_REROUTED,
            step.kind() + " " + ContactResolver.explain(change)));
      }
      PlanStep.Builder changed =
          PlanStep.builder().from(step).channel(resolution.channel()).dueAt(resolution.at());
      if (resolution.stop().isPresent()) {
        String why = ContactResolver.explain(resolution.stop().get());
        changed.status(StepStatus.SKIPPED).completedAt(now).outcome(why);
        events.add(event(plan, step, now, EventType.STEP_SKIPPED, step.kind() + ": " + why));
      } else {
        lead = Optional.of(
            new Lead(step.dueAt(), resolution.at(), resolution.channel(), contacts.size()));
        contacts.add(
            new ContactRecord(resolution.at(), resolution.channel(), step.kind(), plan.id()));
        previous = resolution.at();
      }
      adjusted.add(new Adjusted(changed.build(), events));
    }
    return new Result(adjusted, Optional.empty());
  }

  /**
   * What the policy made of steps planned into a running plan.
   *
   * @param steps each step as adjusted, in order; empty when suppressed
   * @param suppressed the suppression that forbids any contact with the customer, if any
   */
  public record Result(List<Adjusted> steps, Optional<ContactDecision.Suppress> suppressed) {}

  /**
   * The last step planned as a contact: a later step may ride in its message.
   *
   * @param due when the playbook meant it to go out
   * @param at when it goes out
   * @param channel its channel
   * @param contactsBefore how many contacts came before it
   */
  private record Lead(Instant due, Instant at, Channel channel, int contactsBefore) {}

  /**
   * A step that will go out inside the lead's message (see {@link MessageParts}): one the playbook meant to go
   * within the window of the lead (a lead moved later by a cap does not gather steps meant to follow it weeks
   * later), judged as the runner will judge it then: at the lead's time, against the contacts before the lead, on the
   * lead's channel. Such a step is no contact of its own, so no cap moves it. Empty when it goes on its own.
   */
  private static Optional<PlanStep> ride(
      Optional<Lead> lead,
      WinBackPlan plan,
      LostCustomer customer,
      PlanStep step,
      List<ContactRecord> contacts,
      ContactPolicy policy,
      ContactRules rules,
      Optional<Suppression> listed,
      ZoneId defaultZone) {
    if (lead.isEmpty()
        || rules.combineWithin().isZero()
        || step.channel() != lead.get().channel()
        || step.dueAt().isAfter(lead.get().due().plus(rules.combineWithin()))) {
      return Optional.empty();
    }
    ContactResolver.Resolution ride = ContactResolver.resolve(
        policy,
        new ContactRequest(
            customer,
            plan.id(),
            step.kind(),
            step.channel(),
            lead.get().at(),
            contacts.subList(0, lead.get().contactsBefore()),
            listed,
            rules,
            defaultZone));
    if (ride.stop().isPresent()
        || ride.at().isAfter(lead.get().at())
        || ride.channel() != lead.get().channel()) {
      return Optional.empty();
    }
    return Optional.of(
        step.dueAt().isBefore(lead.get().at())
            ? PlanStep.builder().from(step).dueAt(lead.get().at()).build()
            : step);
  }

  private static JournalEvent event(
      WinBackPlan plan, PlanStep step, Instant now, EventType type, String detail) {
    return JournalEvent.builder()
        .customerId(plan.customer().id())
        .planId(plan.id())
        .at(now)
        .type(type)
        .stepIndex(step.index())
        .stepKind(step.kind())
        .channel(step.channel())
        .detail(detail)
        .build();
  }
}
