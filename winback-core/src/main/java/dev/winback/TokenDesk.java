package dev.winback;

import dev.winback.internal.PlanEdit;
import dev.winback.model.EventType;
import dev.winback.model.LostCustomer;
import dev.winback.model.Offer;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.GrantConsumption;
import dev.winback.spi.PlanStore;
import dev.winback.spi.ReactivationGrant;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;

/**
 * Issues and redeems the tokens of "come back" links. Issuing takes no fence (a strategy may issue a token for the
 * customer it is sending to); redeeming consumes the grant and records the return in one decision, so both are
 * written or neither. Thread-safe.
 */
final class TokenDesk {
  private final Clock clock;
  private final PlanWriter writer;
  private final PlanStore store;
  private final Optional<ReactivationTokens> tokens;
  private final Playbook playbook;

  TokenDesk(
      Clock clock, PlanWriter writer, Optional<ReactivationTokens> tokens, Playbook playbook) {
    this.clock = clock;
    this.writer = writer;
    this.store = writer.store();
    this.tokens = tokens;
    this.playbook = playbook;
  }

  String issue(String customerId) {
    ReactivationTokens keys = tokens.orElseThrow(() -> new ConfigurationException(
        "configure reactivationTokens(...) on the builder to issue tokens"));
    WinBackPlan latest = writer.latest(customerId);
    Instant now = clock.instant();
    ReactivationTokens.Issued issued = keys.issue(now);
    store.saveGrant(new ReactivationGrant(
        issued.tokenId(), customerId, latest.id(), offerOf(latest), now, issued.expiresAt()));
    writer.apply(latest.id(), plan -> {
      PlanEdit edit = new PlanEdit(plan, now);
      edit.event(
          EventType.TOKEN_ISSUED, "reactivation token issued, valid until " + issued.expiresAt());
      return edit;
    });
    return issued.token();
  }

  /**
   * Issues a fresh token for a step being sent (a goodbye or a second-chance ask), when the engine has reactivation
   * tokens: the grant is saved at once; the journal records the issue with the step's result, since the plan is
   * being sent and has no write of its own.
   */
  Optional<ReactivationTokens.Issued> issueForSend(WinBackPlan plan, Instant now) {
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    ReactivationTokens.Issued issued = tokens.get().issue(now);
    store.saveGrant(new ReactivationGrant(
        issued.tokenId(), plan.customer().id(), plan.id(), offerOf(plan), now, issued.expiresAt()));
    return Optional.of(issued);
  }

  /** The offer a returning customer can still claim: the plan's offer that lasts longest. */
  private static Optional<Offer> offerOf(WinBackPlan plan) {
    return plan.steps().stream()
        .map(PlanStep::offer)
        .flatMap(Optional::stream)
        .max(Comparator.comparing(Offer::expiresAt));
  }

  Redemption redeem(String token) {
    ReactivationTokens keys = tokens.orElseThrow(() -> new ConfigurationException(
        "configure reactivationTokens(...) on the builder to redeem tokens"));
    Instant now = clock.instant();
    ReactivationTokens.Verified verified = keys.verify(token, now);
    // one decision, so that consuming the grant and recording the return commit together; keyed by
    // the token, since
    // the customer is known only once the grant is read
    return writer.decide("token:" + verified.tokenId(), () -> {
      GrantConsumption consumption = store.consumeGrant(verified.tokenId(), now);
      if (consumption.status() == GrantConsumption.Status.ALREADY_USED) {
        throw new TokenRejectedException(TokenRejectedException.Reason.ALREADY_USED);
      }
      if (consumption.status() == GrantConsumption.Status.UNKNOWN) {
        throw new TokenRejectedException(TokenRejectedException.Reason.NOT_FOUND);
      }
      ReactivationGrant grant = consumption.grant().orElseThrow();
      WinBackPlan plan = writer.apply(grant.planId(), current -> {
        PlanEdit edit = new PlanEdit(current, now);
        edit.event(
            EventType.TOKEN_REDEEMED, "the customer came back through their reactivation link");
        Decisions.cameBack(edit, current);
        return edit;
      });
      LostCustomer customer = plan.customer();
      return new Redemption(
          customer.id(),
          plan.id(),
          grant.offer(),
          customer.attributes(),
          customer.exitTerms().orElse(playbook.exitTerms()));
    });
  }

  LinkTarget open(String token, dev.winback.model.LinkPurpose purpose) {
    throw new UnsupportedOperationException("being built");
  }

  dev.winback.model.WinBackPlan answerSurvey(
      String token, dev.winback.model.Feedback feedback, boolean keepInTouch) {
    throw new UnsupportedOperationException("being built");
  }

  dev.winback.model.WinBackPlan unsubscribe(String token) {
    throw new UnsupportedOperationException("being built");
  }
}
