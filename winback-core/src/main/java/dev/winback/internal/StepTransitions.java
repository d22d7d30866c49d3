package dev.winback.internal;

import dev.winback.model.EventType;
import dev.winback.model.FailureAction;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ContactDecision;
import dev.winback.spi.StepResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * How one step of a plan moves through its life (due, recovered, running, sent, skipped, delayed, retried, failed,
 * quarantined), as pure functions of a plan, a time and an outcome: no store, no clock, no host call. Each returns
 * the edit to write, or empty when nothing changes. Thread-safe (stateless).
 */
public final class StepTransitions {
  private static final HexFormat HEX = HexFormat.of();
  /** One digest per thread: looking the algorithm up for every step cost more than hashing. */
  private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  });

  private StepTransitions() {}

  /**
   * The step of a plan to work on now: the first unfinished one, if it is due, or if it was left running by a
   * runner that stopped ({@code recovering}).
   *
   * @param plan the plan
   * @param recovering whether the plan's previous runner stopped before finishing
   * @param now the time
   * @return the step, if one is due
   */
  public static Optional<PlanStep> nextDue(WinBackPlan plan, boolean recovering, Instant now) {
    if (!plan.status().isActive()) {
      return Optional.empty();
    }
    for (PlanStep step : plan.steps()) {
      if (step.status() == StepStatus.RUNNING) {
        return recovering ? Optional.of(step) : Optional.empty();
      }
      if (step.status() == StepStatus.PENDING) {
        return step.dueAt().isAfter(now) ? Optional.empty() : Optional.of(step);
      }
    }
    return Optional.empty();
  }

  /**
   * The recovery of a step whose runner stopped: a step left running becomes pending again; with leased claims, a
   * due pending step may have been invoked, so its lost attempt is counted. Either way it runs again with the same
   * idempotency key.
   *
   * @param plan the plan
   * @param step the step {@link #nextDue} returned for a recovering plan
   * @param leased whether the store's lease, not a stored mark, said who ran the step
   * @param now the time
   * @return the edit recording the recovery, or empty when there is nothing to recover
   */
  public static Optional<PlanEdit> recover(
      WinBackPlan plan, PlanStep step, boolean leased, Instant now) {
    if (step.status() == StepStatus.RUNNING) {
      PlanEdit edit = new PlanEdit(plan, now);
      PlanStep pending = PlanStep.builder()
          .from(step)
          .status(StepStatus.PENDING)
          .dueAt(step.dueAt().isAfter(now) ? now : step.dueAt())
          .build();
      edit.replace(pending);
      edit.event(
          EventType.STEP_RECOVERED,
          pending,
          step.kind() + " was claimed by a runner that stopped; it runs "
              + "again with the same idempotency key");
      return Optional.of(edit);
    }
    if (leased && step.status() == StepStatus.PENDING && !step.dueAt().isAfter(now)) {
      PlanEdit edit = new PlanEdit(plan, now);
      PlanStep counted =
          PlanStep.builder().from(step).attempts(step.attempts() + 1).build();
      edit.replace(counted);
      edit.event(
          EventType.STEP_RECOVERED,
          counted,
          step.kind() + " was claimed by a runner that stopped and may "
              + "have run; it runs again with the same idempotency key");
      return Optional.of(edit);
    }
    return Optional.empty();
  }

  /**
   * Whether a step may start now: the plan is active, the step pending and due, and every earlier step finished
   * (an apology before the rest).
   *
   * @param plan the plan
   * @param index the step's index
   * @param now the time
   * @return true when the step may start
   */
  public static boolean mayStart(WinBackPlan plan, int index, Instant now) {
    PlanStep step = plan.step(index);
    if (!plan.status().isActive()
        || step.status() != StepStatus.PENDING
        || step.dueAt().isAfter(now)) {
      return false;
    }
    for (int i = 0; i < index; i++) {
      if (!plan.step(i).status().isFinal()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Marks a step as running, one attempt more: the claim a runner holds while the step's strategy runs.
   *
   * @param edit the edit of the plan (it may already hold a recovery)
   * @param step the step, as it stands in the edit
   */
  public static void start(PlanEdit edit, PlanStep step) {
    edit.replace(PlanStep.builder()
        .from(step)
        .status(StepStatus.RUNNING)
        .attempts(step.attempts() + 1)
        .build());
  }

  /**
   * What the final contact check decided for a step that was not sent: suppressed (the plan ends), skipped, or
   * delayed to a later time; every change of channel or time on the way is journalled.
   *
   * @param running the plan with the step marked running
   * @param before the step as it was before it was marked running
   * @param resolution what the contact policy decided
   * @param now the time of the check
   * @return the edit to write
   */
  public static PlanEdit notSent(
      WinBackPlan running, PlanStep before, ContactResolver.Resolution resolution, Instant now) {
    PlanEdit edit = new PlanEdit(running, now);
    edit.replace(before);
    if (resolution.stop().orElse(null) instanceof ContactDecision.Suppress suppress) {
      edit.end(PlanStatus.SUPPRESSED, ContactResolver.explain(suppress));
      return edit;
    }
    journalChanges(edit, before, resolution);
    PlanStep.Builder adjusted = PlanStep.builder().from(before).channel(resolution.channel());
    if (resolution.stop().isPresent()) {
      edit.finish(
          adjusted.build(),
          StepStatus.SKIPPED,
          ContactResolver.explain(resolution.stop().get()),
          EventType.STEP_SKIPPED);
      edit.endIfNothingLeft();
    } else {
      edit.replace(adjusted.dueAt(resolution.at()).build());
    }
    return edit;
  }

  /**
   * Journals how the contact policy changed a step's channel or time on the way to its decision.
   *
   * @param edit the edit
   * @param step the step
   * @param resolution what the contact policy decided
   */
  public static void journalChanges(
      PlanEdit edit, PlanStep step, ContactResolver.Resolution resolution) {
    for (ContactDecision change : resolution.changes()) {
      edit.event(
          change instanceof ContactDecision.Delay
              ? EventType.STEP_DELAYED
              : EventType.STEP_REROUTED,
          step,
          step.kind() + " " + ContactResolver.explain(change));
    }
  }

  /**
   * Records a step's result: done, skipped, or failed, then retried with exponential backoff until the playbook's
   * attempts are used up; a last failure halts the plan when the playbook says so.
   *
   * @param plan the plan with the step marked running
   * @param index the step's index
   * @param result what the strategy returned
   * @param playbook the plan's playbook
   * @param now the time the result is recorded
   * @return the edit, or empty when the step is no longer running (someone recorded it already)
   */
  public static Optional<PlanEdit> complete(
      WinBackPlan plan, int index, StepResult result, Playbook playbook, Instant now) {
    if (plan.step(index).status() != StepStatus.RUNNING) {
      return Optional.empty();
    }
    PlanEdit edit = new PlanEdit(plan, now);
    complete(edit, plan.step(index), result, playbook);
    return Optional.of(edit);
  }

  /**
   * Records a running step's result in an edit; see {@link #complete(WinBackPlan, int, StepResult, Playbook,
   * Instant)}.
   *
   * @param edit the edit of the plan
   * @param step the step, marked running
   * @param result what the strategy returned
   * @param playbook the plan's playbook
   */
  public static void complete(PlanEdit edit, PlanStep step, StepResult result, Playbook playbook) {
    if (result instanceof StepResult.Sent sent) {
      edit.finish(
          step,
          StepStatus.DONE,
          sent.reference().map(ref -> "sent, reference " + ref).orElse("sent"),
          EventType.STEP_DONE);
    } else if (result instanceof StepResult.Skipped skipped) {
      edit.finish(step, StepStatus.SKIPPED, skipped.reason(), EventType.STEP_SKIPPED);
    } else if (result instanceof StepResult.Failed failed) {
      if (step.attempts() < playbook.maxAttempts()) {
        Duration backoff =
            playbook.retryBackoff().multipliedBy(1L << Math.min(step.attempts() - 1, 20));
        Instant retryAt = edit.now().plus(backoff);
        edit.replace(PlanStep.builder()
            .from(step)
            .status(StepStatus.PENDING)
            .dueAt(retryAt)
            .outcome("attempt " + step.attempts() + " failed: " + failed.reason())
            .build());
        edit.event(
            EventType.STEP_RETRY_SCHEDULED,
            step,
            "attempt " + step.attempts() + " of " + playbook.maxAttempts() + " failed ("
                + failed.reason() + "); retry at " + retryAt);
      } else {
        edit.finish(
            step,
            StepStatus.FAILED,
            "failed after " + step.attempts() + " attempts: " + failed.reason(),
            EventType.STEP_FAILED);
        if (playbook.onStepFailure() == FailureAction.HALT) {
          edit.end(
              PlanStatus.HALTED, step.kind() + " step failed and the playbook halts on failure");
        }
      }
    }
    edit.endIfNothingLeft();
  }

  /**
   * Takes back a stored running mark whose step was never sent because the plan changed before the send (the change
   * is then in the plan): the step is pending again as it was, or cancelled if the plan ended.
   *
   * @param current the plan as stored now
   * @param before the step as it was before it was marked running
   * @param now the time
   * @return the edit, or empty when the step is no longer marked running
   */
  public static Optional<PlanEdit> unstarted(WinBackPlan current, PlanStep before, Instant now) {
    if (before.index() >= current.steps().size()
        || current.step(before.index()).status() != StepStatus.RUNNING) {
      return Optional.empty();
    }
    PlanEdit edit = new PlanEdit(current, now);
    if (current.status().isActive()) {
      edit.replace(before);
    } else {
      edit.finish(
          before,
          StepStatus.CANCELLED,
          "the plan ended before the step was sent",
          EventType.STEP_CANCELLED);
    }
    return Optional.of(edit);
  }

  /**
   * The plan as it would be had the runner's unstored running mark been stored: when a change that could not know
   * the step was running (an opt-out, a consent change) was written while it ran, its result still belongs on top.
   * Otherwise the plan as it is.
   *
   * @param current the plan as stored now
   * @param running the step as the runner marked it running
   * @param now the time
   * @return the plan to record the result on
   */
  public static WinBackPlan resumed(WinBackPlan current, PlanStep running, Instant now) {
    if (running.index() >= current.steps().size()) {
      return current;
    }
    PlanStep step = current.step(running.index());
    if (step.status() == StepStatus.RUNNING
        || step.status() != StepStatus.PENDING && step.status() != StepStatus.CANCELLED
        || step.attempts() != running.attempts() - 1) {
      return current;
    }
    PlanEdit edit = new PlanEdit(current, now);
    edit.replace(running);
    return edit.buildUnstored().plan();
  }

  /**
   * Takes a plan out of the due order because WinBack cannot go on with it; its steps stay as they are for an
   * operator to look at, and the journal names the cause by its type only.
   *
   * @param plan the plan
   * @param cause what went wrong
   * @param now the time
   * @return the edit
   */
  public static PlanEdit quarantine(WinBackPlan plan, Throwable cause, Instant now) {
    PlanEdit edit = new PlanEdit(plan, now);
    edit.quarantine("working on the plan failed with " + cause.getClass().getName());
    return edit;
  }

  /**
   * The key a host uses to send each step once: the same on every attempt and every node, opaque (it reveals neither
   * the customer nor the plan).
   *
   * @param plan the plan
   * @param step the step
   * @return the key
   */
  public static String idempotencyKey(WinBackPlan plan, PlanStep step) {
    byte[] digest =
        SHA_256.get().digest((plan.id() + "#" + step.index()).getBytes(StandardCharsets.UTF_8));
    return "wb-" + HEX.formatHex(digest, 0, 16);
  }
}
