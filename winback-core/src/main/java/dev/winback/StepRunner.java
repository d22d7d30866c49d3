package dev.winback;

import dev.winback.internal.ClaimMode;
import dev.winback.internal.ContactResolver;
import dev.winback.internal.HostFailures;
import dev.winback.internal.MessageParts;
import dev.winback.internal.OfferFit;
import dev.winback.internal.PlanEdit;
import dev.winback.internal.SendScope;
import dev.winback.internal.StepTransitions;
import dev.winback.internal.StrategyCalls;
import dev.winback.model.Channel;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.StepKind;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ClaimedPlan;
import dev.winback.spi.ContactDecision;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.ContactRequest;
import dev.winback.spi.CustomerFence;
import dev.winback.spi.PlanStore;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import dev.winback.spi.SuppressionList;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs due steps, one at a time, each through its whole life: claimed (with the batch), started, checked a last
 * time and sent while the customer's fence is held shared (consent, suppression, caps and quiet hours judged by the
 * clock at that moment, and an offer's cap by the customer's value and the playbook at that moment), then recorded with the rest of the batch in one write. A batch's sends are one
 * {@link CustomerFence.Sends run}, settled before anything that calls the host outside a send. Whatever goes wrong with one plan
 * (a host callback that throws, a record that cannot be written) stays with that plan: it is retried or quarantined,
 * and every other step of the batch goes on. Thread-safe; several runners may share a store.
 */
final class StepRunner {
  private static final Logger LOG = LoggerFactory.getLogger(StepRunner.class);

  private final Clock clock;
  private final PlanWriter writer;
  private final PlanStore store;
  private final CustomerFence fence;
  private final ClaimMode claims;
  private final PlanChooser chooser;
  private final StrategyCalls calls;
  private final ContactPolicy contactPolicy;
  private final SuppressionList suppressionList;
  private final Duration lease;
  private final StepRecorder recorder;
  private final TokenDesk tokens;

  StepRunner(
      Clock clock,
      PlanWriter writer,
      ClaimMode claims,
      PlanChooser chooser,
      StrategyCalls calls,
      ContactPolicy contactPolicy,
      SuppressionList suppressionList,
      Duration lease,
      TokenDesk tokens) {
    this.clock = clock;
    this.writer = writer;
    this.store = writer.store();
    this.fence = store.fence();
    this.claims = claims;
    this.chooser = chooser;
    this.calls = calls;
    this.contactPolicy = contactPolicy;
    this.suppressionList = suppressionList;
    this.lease = lease;
    this.recorder = new StepRecorder(clock, writer, claims, chooser);
    this.tokens = tokens;
  }

  /** Runs due steps while {@code keepGoing} says so; claimed plans not worked on are released. */
  RunSummary runDue(BooleanSupplier keepGoing) {
    Instant now = clock.instant();
    StepRecorder.Tally tally = new StepRecorder.Tally();
    while (keepGoing.getAsBoolean()) {
      List<ClaimedPlan> claimed = claims.claim(now);
      if (claimed.isEmpty()) {
        break;
      }
      writer.claimed(claimed.size());
      Set<String> held = new LinkedHashSet<>(claimed.size() * 2);
      claimed.forEach(c -> held.add(c.plan().id()));
      int handled;
      try {
        handled = runBatch(claimed, held, now, tally, keepGoing);
      } finally {
        if (!held.isEmpty()) {
          claims.release(held);
        }
      }
      if (handled == 0) {
        break;
      }
    }
    return tally.summary();
  }

  private int runBatch(
      List<ClaimedPlan> claimed,
      Set<String> held,
      Instant now,
      StepRecorder.Tally tally,
      BooleanSupplier keepGoing) {
    Map<String, List<ContactRecord>> histories = chooser.capsContacts()
        ? store.contactHistories(
            claimed.stream().map(c -> c.plan().customer().id()).distinct().toList())
        : Map.of();
    List<StepRecorder.Ran> ran = new ArrayList<>(claimed.size());
    int handled = 0;
    Instant renewed = clock.instant();
    try (CustomerFence.Sends sends = fence.sends()) {
      claimed.forEach(c -> sends.expect(c.plan().customer().id(), c.plan().id()));
      for (ClaimedPlan candidate : claimed) {
        if (!keepGoing.getAsBoolean()) {
          break; // shutting down: the rest is released for other runners
        }
        WinBackPlan plan = candidate.plan();
        try {
          Optional<StepRecorder.Ran> step = runStep(
              sends, candidate, now, histories.getOrDefault(plan.customer().id(), List.of()));
          if (step.isPresent()) {
            ran.add(step.get());
            handled++;
          }
        } catch (Throwable e) {
          sends.settle(); // quarantining tells the listeners: no hold may wait for them
          recorder.quarantine(plan, e);
          held.remove(plan.id());
          handled++;
        }
        if (Duration.between(renewed, clock.instant()).compareTo(lease.dividedBy(3)) > 0) {
          renewed = clock.instant();
          claims.heartbeat(List.copyOf(held));
        }
      }
    }
    recorder.record(ran, held, tally);
    return handled;
  }

  /** Starts, checks, sends and works out the record of the next due step of a claimed plan. */
  private Optional<StepRecorder.Ran> runStep(
      CustomerFence.Sends sends, ClaimedPlan claimed, Instant now, List<ContactRecord> history) {
    WinBackPlan plan = claimed.plan();
    Optional<PlanStep> due = StepTransitions.nextDue(plan, claimed.recovering(), now);
    if (due.isEmpty()) {
      return Optional.empty();
    }
    Optional<PlanEdit> recovery = claimed.recovering()
        ? StepTransitions.recover(plan, due.get(), claims.leased(), now)
        : Optional.empty();
    PlanEdit edit = recovery.orElseGet(() -> new PlanEdit(plan, now));
    WinBackPlan current = edit.buildUnstored().plan();
    int index = due.get().index();
    if (!StepTransitions.mayStart(current, index, now)) {
      if (recovery.isPresent()) {
        sends.settle(); // the write tells the listeners: no hold may wait for them
        writer.change(
            plan.id(), stored -> stored.version() == plan.version() ? recovery : Optional.empty());
      }
      return Optional.empty();
    }
    PlanStep before = current.step(index);
    StepTransitions.start(edit, before);
    if (edit.hasEvents()) {
      sends.settle(); // the events written go to the listeners: no hold may wait for them
    }
    Optional<PlanEdit.Change> began = claims.begin(edit);
    if (began.isEmpty()) {
      return Optional.empty(); // another runner changed the plan first
    }
    WinBackPlan running = began.get().plan();
    boolean markStored = running.version() != plan.version();
    if (markStored) {
      writer.published(began.get().events());
    }
    PlanStep step = running.step(index);
    Optional<StepRecorder.Sending> sending = sends.send(
        plan.customer().id(),
        plan.id(),
        running.version(),
        () -> SendScope.sending(plan.customer().id(), () -> checkAndSend(running, step, history)));
    if (sending
        .isEmpty()) { // the plan changed before the send: the change is in it, nothing was sent
      if (markStored) {
        sends.settle();
        writer.change(
            plan.id(), stored -> StepTransitions.unstarted(stored, before, clock.instant()));
      }
      return Optional.empty();
    }
    return Optional.of(new StepRecorder.Ran(
        running, before, markStored, sending.get(), recordOf(running, before, sending.get())));
  }

  /** The last check before a send, by the clock at this moment, then the send if the check allows it. */
  private StepRecorder.Sending checkAndSend(
      WinBackPlan plan, PlanStep step, List<ContactRecord> history) {
    Instant at = clock.instant();
    LostCustomer customer = plan.customer();
    Playbook playbook = chooser.playbookOf(plan);
    if (step.kind() == StepKind.FEEDBACK_REQUEST && plan.feedbackReceivedAt().isPresent()) {
      return new StepRecorder
          .Sending( // asked while the answer was on its way: ask only what we do not know
          new ContactResolver.Resolution(
              step.channel(),
              at,
              List.of(),
              Optional.of(new ContactDecision.Skip(
                  "already-answered", "the customer already told us why they left"))),
          at,
          Optional.empty());
    }
    ContactResolver.Resolution resolution;
    Optional<Suppression> listed;
    try {
      listed = suppressionList.lookup(customer);
      resolution = ContactResolver.resolve(
          contactPolicy,
          new ContactRequest(
              customer,
              plan.id(),
              step.kind(),
              step.channel(),
              at,
              history,
              listed,
              playbook.contactRules(),
              chooser.defaultZone()));
    } catch (Throwable e) {
      HostFailures.log(
          LOG,
          "The contact check for " + step.kind() + " step " + step.index() + " of plan "
              + plan.id(),
          step.channel(),
          e);
      return new StepRecorder.Sending(
          new ContactResolver.Resolution(step.channel(), at, List.of(), Optional.empty()),
          at,
          Optional.of(
              StepResult.failed("the contact check threw " + e.getClass().getName())));
    }
    if (resolution.stop().isPresent() || resolution.at().isAfter(at)) {
      return new StepRecorder.Sending(resolution, at, Optional.empty());
    }
    PlanStep sending = onChannel(step, resolution.channel());
    // the cap again, by the customer's value and the playbook now: an offer never goes out above it
    Optional<OfferFit.Fitted> offerCheck =
        sending.offer().map(offer -> OfferFit.fit(offer, customer, playbook.offerSizing()));
    if (offerCheck.isPresent()) {
      if (offerCheck.get().offer().isEmpty()) {
        return new StepRecorder.Sending(
            resolution,
            at,
            Optional.of(StepResult.skipped(
                "checked before the send: " + offerCheck.get().detail())),
            offerCheck,
            List.of(),
            List.of());
      }
      sending =
          PlanStep.builder().from(sending).offer(offerCheck.get().offer().get()).build();
    }
    List<StepRecorder.Carried> carried =
        carried(plan, step, resolution.channel(), listed, history, playbook, at);
    List<PlanStep> parts = new ArrayList<>(1 + carried.size());
    parts.add(sending);
    carried.forEach(part -> parts.add(part.step()));
    TokenDesk.SendLinks links;
    try {
      links = tokens.linksForSend(plan, parts, at);
    } catch (RuntimeException e) {
      HostFailures.log(
          LOG,
          "Issuing the links of " + step.kind() + " step " + step.index() + " of plan " + plan.id(),
          step.channel(),
          e);
      return new StepRecorder.Sending(
          resolution,
          at,
          Optional.of(StepResult.failed(
              "the message's links could not be issued: " + e.getClass().getName())));
    }
    StepContext context = new StepContext(
        customer,
        plan,
        sending,
        StepTransitions.idempotencyKey(plan, sending),
        sending.attempts(),
        at,
        customer.exitTerms().orElse(playbook.exitTerms()),
        links.comeBackToken(),
        parts,
        links.links());
    return new StepRecorder.Sending(
        resolution, at, Optional.of(calls.call(context)), offerCheck, links.issued(), carried);
  }

  /**
   * The steps that ride in the lead's message, one contact: the candidates in plan order, each passing its own last
   * check (consent for its purpose, caps, quiet hours, the lead's channel, its offer's cap) by the clock now; the
   * first that does not pass, and every one after it, waits to go out on its own.
   */
  private List<StepRecorder.Carried> carried(
      WinBackPlan plan,
      PlanStep lead,
      Channel channel,
      Optional<Suppression> listed,
      List<ContactRecord> history,
      Playbook playbook,
      Instant at) {
    List<StepRecorder.Carried> carried = new ArrayList<>();
    for (PlanStep candidate :
        MessageParts.candidates(plan, lead, playbook.contactRules().combineWithin())) {
      ContactResolver.Resolution check;
      try {
        check = ContactResolver.resolve(
            contactPolicy,
            new ContactRequest(
                plan.customer(),
                plan.id(),
                candidate.kind(),
                candidate.channel(),
                at,
                history,
                listed,
                playbook.contactRules(),
                chooser.defaultZone()));
      } catch (RuntimeException e) {
        break; // it goes alone later, where a failing check is retried and journalled
      }
      if (check.stop().isPresent() || check.at().isAfter(at) || check.channel() != channel) {
        break;
      }
      PlanStep part = onChannel(candidate, channel);
      Optional<OfferFit.Fitted> fit =
          part.offer().map(offer -> OfferFit.fit(offer, plan.customer(), playbook.offerSizing()));
      if (fit.isPresent()) {
        if (fit.get().offer().isEmpty()) {
          break;
        }
        part = PlanStep.builder().from(part).offer(fit.get().offer().get()).build();
      }
      carried.add(new StepRecorder.Carried(part, fit));
    }
    return carried;
  }

  private static PlanStep onChannel(PlanStep step, Channel channel) {
    return step.channel() == channel
        ? step
        : PlanStep.builder().from(step).channel(channel).build();
  }

  /** The change that records what became of a step. */
  private PlanEdit.Change recordOf(
      WinBackPlan running, PlanStep before, StepRecorder.Sending sending) {
    if (sending.result().isEmpty()) {
      return StepTransitions.notSent(running, before, sending.resolution(), sending.at())
          .build();
    }
    PlanEdit edit = new PlanEdit(running, sending.at());
    PlanStep step = running.step(before.index());
    StepTransitions.journalChanges(edit, step, sending.resolution());
    PlanStep sent = sending.sent(step);
    edit.replace(sent);
    sending.journalOffer(edit, sent);
    sending.journalLink(edit, sent);
    StepTransitions.complete(edit, sent, sending.result().get(), chooser.playbookOf(running));
    sending.journalCarried(edit, running, sent, sending.result().get());
    edit.endIfNothingLeft();
    return edit.build();
  }
}
