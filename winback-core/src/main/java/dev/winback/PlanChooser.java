package dev.winback;

import dev.winback.internal.ContactPlanning;
import dev.winback.internal.FeedbackRevision;
import dev.winback.internal.PlanEdit;
import dev.winback.internal.Planner;
import dev.winback.model.LostCustomer;
import dev.winback.model.Playbook;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.PlanStore;
import dev.winback.spi.SuppressionList;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses a customer's plan: the playbook's rule for them (or, in an experiment, their arm's), with the contact
 * rules applied to the contacts they already had. Knows every playbook the engine may use. Immutable and
 * thread-safe.
 */
final class PlanChooser {
  private final Playbook playbook;
  private final Map<String, Playbook> playbooks = new LinkedHashMap<>();
  private final Map<String, Planner> planners = new LinkedHashMap<>();
  private final Optional<Experiment> experiment;
  private final ContactPolicy contactPolicy;
  private final SuppressionList suppressionList;
  private final PlanStore store;
  private final ZoneId defaultZone;

  PlanChooser(
      Playbook playbook,
      Optional<Experiment> experiment,
      ContactPolicy contactPolicy,
      SuppressionList suppressionList,
      PlanStore store,
      ZoneId defaultZone) {
    this.playbook = playbook;
    this.experiment = experiment;
    this.contactPolicy = contactPolicy;
    this.suppressionList = suppressionList;
    this.store = store;
    this.defaultZone = defaultZone;
    playbooks.put(playbook.name(), playbook);
    experiment.ifPresent(
        e -> e.variantPlaybooks().forEach(variant -> playbooks.put(variant.name(), variant)));
    playbooks.values().forEach(p -> planners.put(p.name(), new Planner(p, defaultZone)));
  }

  /** The zone that times customers without one of their own. */
  ZoneId defaultZone() {
    return defaultZone;
  }

  /** The engine's own playbook. */
  Playbook playbook() {
    return playbook;
  }

  /** Every playbook the engine may choose from: its own and the experiment's variants. */
  Collection<Playbook> playbooks() {
    return playbooks.values();
  }

  /** The playbook a plan was chosen from. */
  Playbook playbookOf(WinBackPlan plan) {
    return playbooks.getOrDefault(plan.playbook(), playbook);
  }

  /** The planner of the playbook a plan was chosen from. */
  Planner plannerOf(WinBackPlan plan) {
    return java.util.Objects.requireNonNull(planners.get(playbookOf(plan).name()));
  }

  /**
   * Revises a plan for what its edit now knows of the customer: the rest of the plan becomes the one
   * {@link #planFor} would choose for these facts, judged by the contact rules with every contact already made.
   *
   * @param edit the plan's edit, with the customer as now known
   * @param plan the plan before the edit
   */
  void revise(PlanEdit edit, WinBackPlan plan) {
    FeedbackRevision.revise(
        edit,
        plan,
        plannerOf(plan),
        playbookOf(plan),
        new FeedbackRevision.Contacts(
            contactPolicy,
            store.contactHistory(plan.customer().id()),
            suppressionList.lookup(edit.customer())));
  }

  /** Whether any playbook caps contacts, so that runs need the customers' contact histories. */
  boolean capsContacts() {
    return playbooks.values().stream()
        .anyMatch(p ->
            !p.contactRules().caps().isEmpty() || !p.contactRules().reasonCaps().isEmpty());
  }

  /**
   * The plan for a customer with the contact rules applied, counting their earlier contacts; in an experiment, the
   * plan of the customer's arm (none for the holdout).
   */
  ContactPlanning.Planned planFor(LostCustomer customer, Instant now) {
    Optional<Suppression> listed = suppressionList.lookup(customer);
    if (experiment.isEmpty()
        || listed.isPresent()
        || Planner.whyNotContact(customer).isPresent()) {
      return ContactPlanning.apply(
          java.util.Objects.requireNonNull(planners.get(playbook.name())).plan(customer, now),
          contactPolicy,
          playbook.contactRules(),
          store.contactHistory(customer.id()),
          listed,
          now,
          defaultZone);
    }
    Experiment running = experiment.get();
    String arm = running.assign(customer.id());
    if (arm.equals(Experiment.HOLDOUT)) {
      WinBackPlan holdout = WinBackPlan.builder()
          .id(Planner.planId(customer))
          .customer(customer)
          .playbook(playbook.name())
          .startedAt(now)
          .rule(Experiment.HOLDOUT)
          .rationale("Held out of all contact by experiment '" + running.name()
              + "', to measure how many come back without a win-back plan.")
          .experiment(running.name())
          .arm(arm)
          .build();
      return new ContactPlanning.Planned(holdout, List.of());
    }
    Playbook armPlaybook = running.playbookOf(arm).orElse(playbook);
    ContactPlanning.Planned planned = ContactPlanning.apply(
        java.util.Objects.requireNonNull(planners.get(armPlaybook.name())).plan(customer, now),
        contactPolicy,
        armPlaybook.contactRules(),
        store.contactHistory(customer.id()),
        listed,
        now,
        defaultZone);
    return new ContactPlanning.Planned(
        WinBackPlan.builder()
            .from(planned.plan())
            .experiment(running.name())
            .arm(arm)
            .build(),
        planned.events());
  }
}
