package dev.winback;

import dev.winback.internal.PlanEdit;
import dev.winback.model.EventType;
import dev.winback.model.Feedback;
import dev.winback.model.LinkPurpose;
import dev.winback.model.LostCustomer;
import dev.winback.model.Offer;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.GrantConsumption;
import dev.winback.spi.MessageLinks;
import dev.winback.spi.PlanStore;
import dev.winback.spi.ReactivationGrant;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Issues and redeems the tokens of "come back" links. Issuing takes no fence (a strategy may issue a token for the
 * customer it is sending to); redeeming consumes the grant and records the return in one decision, so both are
 * written or neither. Thread-safe.
 */
final class TokenDesk {
  /** The steps that carry the customer's way back. */
  private static final Set<StepKind> WAYS_BACK =
      EnumSet.of(StepKind.GRACEFUL_GOODBYE, StepKind.SECOND_CHANCE_ASK);

  private final Clock clock;
  private final PlanWriter writer;
  private final PlanStore store;
  private final Optional<ReactivationTokens> tokens;
  private final Optional<URI> pages;
  private final Playbook playbook;
  private final Decisions decisions;

  TokenDesk(
      Clock clock,
      PlanWriter writer,
      Optional<ReactivationTokens> tokens,
      Optional<URI> pages,
      Playbook playbook,
      Decisions decisions) {
    this.clock = clock;
    this.writer = writer;
    this.store = writer.store();
    this.tokens = tokens;
    this.pages = pages;
    this.playbook = playbook;
    this.decisions = decisions;
  }

  /** The links issued for one message: what the strategy gets, and what the journal records. */
  record SendLinks(
      MessageLinks links, Optional<String> comeBackToken, List<ReactivationTokens.Issued> issued) {
    static final SendLinks NONE = new SendLinks(MessageLinks.none(), Optional.empty(), List.of());
  }

  /**
   * Issues the links of a message about to be sent, saving a grant for each. With customer pages: an unsubscribe
   * link always, a survey link when a part asks for feedback, a come-back link when a part is a goodbye, a
   * second-chance ask or an offer. Without them: a come-back token for a goodbye or second-chance ask, for the
   * exit terms' own page. Nothing without reactivation tokens.
   */
  SendLinks linksForSend(WinBackPlan plan, List<PlanStep> parts, Instant now) {
    if (tokens.isEmpty()) {
      return SendLinks.NONE;
    }
    boolean wayBack = parts.stream().anyMatch(p -> WAYS_BACK.contains(p.kind()));
    if (pages.isEmpty()) {
      return wayBack
          ? issueForSend(plan, parts, now)
              .map(issued ->
                  new SendLinks(MessageLinks.none(), Optional.of(issued.token()), List.of(issued)))
              .orElse(SendLinks.NONE)
          : SendLinks.NONE;
    }
    List<ReactivationTokens.Issued> issued = new ArrayList<>(3);
    Optional<String> survey = Optional.empty();
    Optional<String> comeBack = Optional.empty();
    Optional<String> comeBackToken = Optional.empty();
    if (parts.stream().anyMatch(p -> p.kind() == StepKind.FEEDBACK_REQUEST)) {
      ReactivationTokens.Issued link = save(plan, parts, LinkPurpose.SURVEY, now);
      issued.add(link);
      survey = Optional.of(address(link));
    }
    if (wayBack || parts.stream().anyMatch(p -> p.offer().isPresent())) {
      ReactivationTokens.Issued link = save(plan, parts, LinkPurpose.COME_BACK, now);
      issued.add(link);
      comeBack = Optional.of(address(link));
      comeBackToken = Optional.of(link.token());
    }
    ReactivationTokens.Issued unsubscribe = save(plan, parts, LinkPurpose.UNSUBSCRIBE, now);
    issued.add(unsubscribe);
    return new SendLinks(
        new MessageLinks(survey, comeBack, Optional.of(address(unsubscribe))),
        comeBackToken,
        List.copyOf(issued));
  }

  private ReactivationTokens.Issued save(
      WinBackPlan plan, List<PlanStep> parts, LinkPurpose purpose, Instant now) {
    ReactivationTokens.Issued issued = tokens.orElseThrow().issue(now, purpose);
    store.saveGrant(new ReactivationGrant(
        issued.tokenId(),
        plan.customer().id(),
        plan.id(),
        offerOf(plan, parts),
        now,
        issued.expiresAt()));
    return issued;
  }

  private String address(ReactivationTokens.Issued link) {
    String base = pages.orElseThrow().toString();
    return (base.endsWith("/") ? base : base + "/") + link.purpose().path() + "?token="
        + link.token();
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
  Optional<ReactivationTokens.Issued> issueForSend(
      WinBackPlan plan, List<PlanStep> parts, Instant now) {
    if (tokens.isEmpty()) {
      return Optional.empty();
    }
    ReactivationTokens.Issued issued = tokens.get().issue(now);
    store.saveGrant(new ReactivationGrant(
        issued.tokenId(),
        plan.customer().id(),
        plan.id(),
        offerOf(plan, parts),
        now,
        issued.expiresAt()));
    return Optional.of(issued);
  }

  /**
   * The offer a link sent with a message lets the customer claim: the longest lasting of the offers in the message,
   * as its last check sized them, and of those sent before; never one that was skipped, or sized down at the send.
   */
  private static Optional<Offer> offerOf(WinBackPlan plan, List<PlanStep> parts) {
    return Stream.concat(
            parts.stream(), plan.steps().stream().filter(s -> s.status() == StepStatus.DONE))
        .map(PlanStep::offer)
        .flatMap(Optional::stream)
        .max(Comparator.comparing(Offer::expiresAt));
  }

  /** The offer a returning customer can still claim: the plan's offer that lasts longest. */
  private static Optional<Offer> offerOf(WinBackPlan plan) {
    return plan.steps().stream()
        .map(PlanStep::offer)
        .flatMap(Optional::stream)
        .max(Comparator.comparing(Offer::expiresAt));
  }

  Redemption redeem(String token) {
    Instant now = clock.instant();
    ReactivationTokens.Verified verified = verify(token, LinkPurpose.COME_BACK, now);
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
      // in the customer's fence too, like every decision that ends a plan: a message under way
      // finishes first, and none starts once the return is recorded
      WinBackPlan plan = writer.decide(
          grant.customerId(),
          () -> writer.apply(grant.planId(), current -> {
            PlanEdit edit = new PlanEdit(current, now);
            edit.event(
                EventType.TOKEN_REDEEMED, "the customer came back through their reactivation link");
            Decisions.cameBack(edit, current);
            return edit;
          }));
      LostCustomer customer = plan.customer();
      return new Redemption(
          customer.id(),
          plan.id(),
          grant.offer(),
          customer.attributes(),
          customer.exitTerms().orElse(playbook.exitTerms()));
    });
  }

  private ReactivationTokens.Verified verify(String token, LinkPurpose purpose, Instant now) {
    ReactivationTokens keys = tokens.orElseThrow(() -> new ConfigurationException(
        "configure reactivationTokens(...) on the builder to answer links"));
    ReactivationTokens.Verified verified = keys.verify(token, now);
    if (verified.purpose() != purpose) {
      throw new TokenRejectedException(TokenRejectedException.Reason.WRONG_PURPOSE);
    }
    return verified;
  }

  /** The stored grant of a genuine token; a used one only when {@code used} is allowed. */
  private ReactivationGrant grantOf(GrantConsumption found, boolean used) {
    if (found.status() == GrantConsumption.Status.UNKNOWN || found.grant().isEmpty()) {
      throw new TokenRejectedException(TokenRejectedException.Reason.NOT_FOUND);
    }
    if (found.status() == GrantConsumption.Status.ALREADY_USED && !used) {
      throw new TokenRejectedException(TokenRejectedException.Reason.ALREADY_USED);
    }
    return found.grant().get();
  }

  LinkTarget open(String token, LinkPurpose purpose) {
    ReactivationTokens.Verified verified = verify(token, purpose, clock.instant());
    ReactivationGrant grant =
        grantOf(store.findGrant(verified.tokenId()), purpose == LinkPurpose.UNSUBSCRIBE);
    WinBackPlan plan = store
        .find(grant.planId())
        .orElseThrow(() -> new TokenRejectedException(TokenRejectedException.Reason.NOT_FOUND));
    LostCustomer customer = plan.customer();
    return new LinkTarget(
        purpose,
        customer.id(),
        plan.id(),
        customer.locale(),
        grant.offer(),
        customer.exitTerms().orElse(playbook.exitTerms()),
        verified.expiresAt());
  }

  /**
   * Records a survey answer, then uses the link up, in the token's own decision: two answers sent at once are one
   * answer, and a link is used up only once its answer is recorded.
   */
  WinBackPlan answerSurvey(String token, Feedback feedback, boolean keepInTouch) {
    ReactivationTokens.Verified verified = verify(token, LinkPurpose.SURVEY, clock.instant());
    return writer.decide("token:" + verified.tokenId(), () -> {
      ReactivationGrant grant = grantOf(store.findGrant(verified.tokenId()), false);
      WinBackPlan plan = decisions.recordFeedback(grant.customerId(), feedback);
      if (!keepInTouch) {
        plan = decisions.optOut(grant.customerId());
      }
      store.consumeGrant(verified.tokenId(), clock.instant());
      return plan;
    });
  }

  /** Opts the customer out once; answering the link again changes nothing and succeeds. */
  WinBackPlan unsubscribe(String token) {
    ReactivationTokens.Verified verified = verify(token, LinkPurpose.UNSUBSCRIBE, clock.instant());
    return writer.decide("token:" + verified.tokenId(), () -> {
      GrantConsumption found = store.findGrant(verified.tokenId());
      ReactivationGrant grant = grantOf(found, true);
      if (found.status() == GrantConsumption.Status.ALREADY_USED) {
        return writer.latest(grant.customerId());
      }
      WinBackPlan plan = decisions.optOut(grant.customerId());
      store.consumeGrant(verified.tokenId(), clock.instant());
      return plan;
    });
  }
}
