package dev.winback;

import dev.winback.internal.ClaimMode;
import dev.winback.internal.ContactResolver;
import dev.winback.internal.HostFailures;
import dev.winback.internal.OfferFit;
import dev.winback.internal.PlanEdit;
import dev.winback.internal.StepTransitions;
import dev.winback.model.EventType;
import dev.winback.model.LinkPurpose;
import dev.winback.model.PlanStep;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.PlanChange;
import dev.winback.spi.PlanStore;
import dev.winback.spi.StepResult;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what became of a runner's steps: a batch in one write, a plan that cannot be written alone and then
 * quarantined, a result on top of a plan that changed while its step ran. Thread-safe.
 */
final class StepRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(StepRecorder.class);

  private final Clock clock;
  private final PlanWriter writer;
  private final PlanStore store;
  private final ClaimMode claims;
  private final PlanChooser chooser;

  /**
   * What a step's send came to: the contact check's decision, when it was made, the result if it was sent, and the
   * last check of its offer, if it has one, and the expiry of the come-back link issued for it, if one was.
   */
  record Sending(
      ContactResolver.Resolution resolution,
      Instant at,
      Optional<StepResult> result,
      Optional<OfferFit.Fitted> offerCheck,
      List<ReactivationTokens.Issued> links,
      List<Carried> carried) {

    Sending(ContactResolver.Resolution resolution, Instant at, Optional<StepResult> result) {
      this(resolution, at, result, Optional.empty(), List.of(), List.of());
    }

    /** The step as sent: on the channel the contact check chose, with its offer as the last check sized it. */
    PlanStep sent(PlanStep step) {
      PlanStep.Builder sent = PlanStep.builder().from(step).channel(resolution.channel());
      offerCheck.flatMap(OfferFit.Fitted::offer).ifPresent(sent::offer);
      return sent.build();
    }

    /** Journals the last check of the step's offer, when the offer was made. */
    void journalOffer(PlanEdit edit, PlanStep step) {
      offerCheck
          .filter(check -> check.offer().isPresent())
          .ifPresent(check -> edit.event(
              EventType.OFFER_SIZED,
              step,
              step.kind() + " checked before the send: " + check.detail()));
    }

    /** Journals the links issued with the step, if any. */
    void journalLink(PlanEdit edit, PlanStep step) {
      for (ReactivationTokens.Issued link : links) {
        edit.event(
            EventType.TOKEN_ISSUED,
            step,
            (link.purpose() == LinkPurpose.COME_BACK
                    ? "reactivation token"
                    : link.purpose().path() + " link")
                + " issued with the " + step.kind() + ", valid until " + link.expiresAt());
      }
    }

    /**
     * Records the steps that rode in the message as done, each with its own event, once the message was sent; a
     * message not sent leaves them pending, to go out later. Only a part still pending as the same step in {@code
     * base} is recorded: when the plan changed while the message went out (revised, or ended), what took a part's
     * place is left as it is.
     */
    void journalCarried(PlanEdit edit, WinBackPlan base, PlanStep lead, StepResult result) {
      if (!(result instanceof StepResult.Sent sent)) {
        return;
      }
      for (Carried part : carried) {
        int index = part.step().index();
        if (index >= base.steps().size()
            || base.step(index).status() != StepStatus.PENDING
            || base.step(index).kind() != part.step().kind()) {
          continue;
        }
        part.offerCheck()
            .filter(check -> check.offer().isPresent())
            .ifPresent(check -> edit.event(
                EventType.OFFER_SIZED,
                part.step(),
                part.step().kind() + " checked before the send: " + check.detail()));
        edit.finish(
            part.step(),
            StepStatus.DONE,
            "carried in the message of step " + lead.index()
                + sent.reference().map(ref -> ", reference " + ref).orElse(""),
            EventType.STEP_CARRIED);
      }
    }
  }

  /** A step that rides in another step's message, as its last check left it (channel, sized offer). */
  record Carried(PlanStep step, Optional<OfferFit.Fitted> offerCheck) {}

  /** A step that ran (or was stopped at its last check), with the change that records it. */
  record Ran(
      WinBackPlan running,
      PlanStep before,
      boolean markStored,
      Sending sending,
      PlanEdit.Change change) {}

  /** How many steps ended how. */
  static final class Tally {
    int done;
    int skipped;
    int delayed;
    int retried;
    int failed;

    void count(WinBackPlan after, int index, boolean sent) {
      PlanStep step = after.step(index);
      switch (step.status()) {
        case DONE -> done++;
        case FAILED -> failed++;
        case PENDING, RUNNING -> {
          if (sent) {
            retried++;
          } else {
            delayed++;
          }
        }
        default -> skipped++;
      }
    }

    RunSummary summary() {
      return new RunSummary(done, skipped, delayed, retried, failed);
    }
  }

  StepRecorder(Clock clock, PlanWriter writer, ClaimMode claims, PlanChooser chooser) {
    this.clock = clock;
    this.writer = writer;
    this.store = writer.store();
    this.claims = claims;
    this.chooser = chooser;
  }

  /** Records a batch in one write; a plan that cannot be written is then tried alone, and quarantined if it fails. */
  void record(List<Ran> ran, Set<String> held, Tally tally) {
    if (ran.isEmpty()) {
      return;
    }
    List<Boolean> stored;
    try {
      stored = claims.record(ran.stream()
          .map(r -> new PlanChange(r.change().plan(), r.change().events()))
          .toList());
    } catch (RuntimeException batchFailed) {
      LOG.warn(
          "Recording a batch of {} steps failed with {}; recording them one by one",
          ran.size(),
          batchFailed.getClass().getName());
      stored = new ArrayList<>(ran.size());
      for (Ran one : ran) {
        stored.add(recordAlone(one));
      }
    }
    for (int i = 0; i < ran.size(); i++) {
      Ran one = ran.get(i);
      String planId = one.running().id();
      try {
        Optional<WinBackPlan> after =
            stored.get(i) ? Optional.of(one.change().plan()) : recordOnTop(one);
        if (stored.get(i)) {
          writer.published(one.change().events());
        }
        held.remove(planId);
        after.ifPresent(plan -> {
          tally.count(plan, one.before().index(), one.sending().result().isPresent());
          LOG.debug(
              "{} step {} of plan {} by {}: {}",
              one.before().kind(),
              one.before().index(),
              planId,
              plan.step(one.before().index()).channel(),
              plan.step(one.before().index()).status());
        });
      } catch (Throwable e) {
        quarantine(one.running(), e);
        held.remove(planId);
      }
    }
  }

  private boolean recordAlone(Ran one) {
    try {
      return claims
          .record(List.of(new PlanChange(one.change().plan(), one.change().events())))
          .get(0);
    } catch (RuntimeException e) {
      quarantine(one.running(), e);
      return false;
    }
  }

  /**
   * Records a result on top of a plan that changed while its step ran (an opt-out, new feedback, a consent change on
   * any node); a step that was not sent leaves nothing to record, its stored running mark aside. Empty when the plan
   * is gone (erased meanwhile) or the step was recorded already.
   */
  private Optional<WinBackPlan> recordOnTop(Ran one) {
    String planId = one.running().id();
    int index = one.before().index();
    if (one.sending().result().isEmpty()) {
      return one.markStored()
          ? writer.change(
              planId, current -> StepTransitions.unstarted(current, one.before(), clock.instant()))
          : Optional.empty();
    }
    PlanStep running = one.running().step(index);
    Optional<WinBackPlan> after = writer.change(planId, current -> {
      WinBackPlan base =
          one.markStored() ? current : StepTransitions.resumed(current, running, clock.instant());
      if (base.step(index).status() != StepStatus.RUNNING) {
        return Optional.empty();
      }
      PlanEdit edit = new PlanEdit(base, one.sending().at());
      PlanStep sent = one.sending().sent(base.step(index));
      edit.replace(sent);
      one.sending().journalOffer(edit, sent);
      one.sending().journalLink(edit, sent);
      StepTransitions.complete(edit, sent, one.sending().result().get(), chooser.playbookOf(base));
      // the parts that rode in the message went out too: recorded, or they would be sent again
      one.sending().journalCarried(edit, base, sent, one.sending().result().get());
      edit.endIfNothingLeft();
      return Optional.of(edit);
    });
    if (after.isEmpty() && store.find(planId).isEmpty()) {
      LOG.debug(
          "{} step {} ran while its customer was erased; nothing of it is kept",
          one.before().kind(),
          index);
    }
    return after;
  }

  /** Takes a plan that cannot go on out of the due order, journalled; if even that fails, leaves it to operators. */
  void quarantine(WinBackPlan plan, Throwable cause) {
    LOG.error(
        "Plan {} is quarantined: working on it failed with {}",
        plan.id(),
        cause.getClass().getName());
    LOG.debug(
        "Plan {} failed with {}",
        plan.id(),
        cause.getClass().getName(),
        HostFailures.redacted(cause));
    try {
      writer.change(
          plan.id(),
          current -> current.status().isActive()
              ? Optional.of(StepTransitions.quarantine(current, cause, clock.instant()))
              : Optional.empty());
    } catch (Throwable again) {
      LOG.error(
          "Plan {} could not be quarantined either ({}); it stays claimable",
          plan.id(),
          again.getClass().getName());
    }
  }
}
