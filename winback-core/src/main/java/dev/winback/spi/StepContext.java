package dev.winback.spi;

import dev.winback.model.ExitTerms;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStep;
import dev.winback.model.StepAnchor;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a strategy needs to carry out one plan step, immutable. The {@link #idempotencyKey()} is the same on
 * every attempt of the same step, so a host that remembers it can make sure a message goes out once.
 *
 * @param customer the customer, with everything learned so far (e.g. the reasons from their feedback)
 * @param plan the plan the step belongs to, as it stood when the step was claimed
 * @param step the step to carry out
 * @param idempotencyKey a key unique to this step of this plan, stable across retries
 * @param attempt which attempt this is, from 1
 * @param now the engine's clock time when the step was claimed
 * @param exitTerms what the customer keeps after leaving: for the goodbye step to tell them
 * @param comeBackToken for a goodbye or a second-chance ask, when the engine has reactivation tokens: a fresh,
 *     signed, single-use token for the customer's way back, to put in a link that ends in
 *     {@code WinBack.redeem(token)}; empty otherwise
 * @param parts every step this one message carries, this step first: steps of the plan on the same channel that
 *     fall due within the playbook's {@link dev.winback.model.ContactRules#combineWithin() window} go out as one
 *     message, one contact (a thank-you with the offer inside); just this step when it goes alone
 * @param links the signed survey, come-back and unsubscribe links of this message, when the engine has customer
 *     pages
 */
public record StepContext(
    LostCustomer customer,
    WinBackPlan plan,
    PlanStep step,
    String idempotencyKey,
    int attempt,
    Instant now,
    ExitTerms exitTerms,
    Optional<String> comeBackToken,
    List<PlanStep> parts,
    MessageLinks links) {

  /**
   * Checks every part is present.
   *
   * @param customer the customer
   * @param plan the plan
   * @param step the step
   * @param idempotencyKey the idempotency key
   * @param attempt the attempt
   * @param now the time of the claim
   * @param exitTerms what the customer keeps
   * @param comeBackToken the token for the customer's way back, if any
   * @param parts the steps this message carries, this step first
   * @param links the message's signed links
   * @throws IllegalArgumentException when the parts do not start with the step
   */
  public StepContext {
    Objects.requireNonNull(customer, "customer");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(step, "step");
    Objects.requireNonNull(idempotencyKey, "idempotencyKey");
    Objects.requireNonNull(now, "now");
    Objects.requireNonNull(exitTerms, "exitTerms");
    Objects.requireNonNull(comeBackToken, "comeBackToken");
    parts = List.copyOf(parts);
    Objects.requireNonNull(links, "links");
    if (parts.isEmpty() || parts.get(0).index() != step.index()) {
      throw new IllegalArgumentException("a message's parts start with its step");
    }
  }

  /**
   * A context for one step going out alone, with the come-back token if any and no other links.
   *
   * @param customer the customer
   * @param plan the plan
   * @param step the step
   * @param idempotencyKey the idempotency key
   * @param attempt the attempt
   * @param now the time of the claim
   * @param exitTerms what the customer keeps
   * @param comeBackToken the token for the customer's way back, if any
   */
  public StepContext(
      LostCustomer customer,
      WinBackPlan plan,
      PlanStep step,
      String idempotencyKey,
      int attempt,
      Instant now,
      ExitTerms exitTerms,
      Optional<String> comeBackToken) {
    this(
        customer,
        plan,
        step,
        idempotencyKey,
        attempt,
        now,
        exitTerms,
        comeBackToken,
        List.of(step),
        MessageLinks.none());
  }

  /**
   * A context without a come-back token.
   *
   * @param customer the customer
   * @param plan the plan
   * @param step the step
   * @param idempotencyKey the idempotency key
   * @param attempt the attempt
   * @param now the time of the claim
   * @param exitTerms what the customer keeps
   */
  public StepContext(
      LostCustomer customer,
      WinBackPlan plan,
      PlanStep step,
      String idempotencyKey,
      int attempt,
      Instant now,
      ExitTerms exitTerms) {
    this(customer, plan, step, idempotencyKey, attempt, now, exitTerms, Optional.empty());
  }

  /**
   * The customer's way back as a link: the message's signed {@link MessageLinks#comeBack() come-back link}, else the
   * exit terms' {@link ExitTerms#comeBackLink() come-back page} with the {@link #comeBackToken()} as its
   * {@code token} parameter.
   *
   * @return the link, empty unless both the page and a token are there
   */
  public Optional<String> comeBackLink() {
    if (links.comeBack().isPresent()) {
      return links.comeBack();
    }
    if (comeBackToken.isEmpty() || exitTerms.comeBackLink().isEmpty()) {
      return Optional.empty();
    }
    String page = exitTerms.comeBackLink().get();
    return Optional.of(page + (page.contains("?") ? "&" : "?") + "token=" + comeBackToken.get());
  }

  /**
   * Tells whether this step asks again a question the customer has not answered yet: a gentle reminder, to be
   * worded as one.
   *
   * @return true for a feedback request in place of a thank-you for feedback (anchored to the feedback), or after
   *     an earlier request was sent
   */
  public boolean reminder() {
    return step.kind() == StepKind.FEEDBACK_REQUEST
        && (step.anchor() == StepAnchor.FEEDBACK
            || plan.steps().stream()
                .anyMatch(s -> s.index() != step.index()
                    && s.kind() == StepKind.FEEDBACK_REQUEST
                    && s.status() == StepStatus.DONE));
  }

  /**
   * The plan's steps that were carried out or skipped before this one, with their outcomes.
   *
   * @return the earlier finished steps, in plan order
   */
  public List<PlanStep> earlierOutcomes() {
    return plan.steps().stream()
        .filter(s ->
            s.index() != step.index() && s.status().isFinal() && s.status() != StepStatus.CANCELLED)
        .toList();
  }

  /**
   * Describes the context without the come-back token, a bearer credential; the customer is masked as in {@link
   * LostCustomer#toString()} and the links' tokens hidden as in {@link MessageLinks#toString()}.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "StepContext[customer=" + customer + ", plan=" + plan.id() + ", step=" + step
        + ", idempotencyKey=" + idempotencyKey + ", attempt=" + attempt + ", now=" + now
        + ", comeBackToken=" + comeBackToken.map(t -> "(hidden)").orElse("none") + ", parts="
        + parts.size() + ", links=" + links + "]";
  }
}
