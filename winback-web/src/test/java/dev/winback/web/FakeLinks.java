package dev.winback.web;

import dev.winback.LinkTarget;
import dev.winback.Redemption;
import dev.winback.TokenRejectedException;
import dev.winback.TokenRejectedException.Reason;
import dev.winback.WinBack;
import dev.winback.model.Feedback;
import dev.winback.model.LinkPurpose;
import dev.winback.model.WinBackPlan;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A hand-written stand-in for WinBack's links, answering them through a real engine: tokens are {@code fake<n>},
 * valid for a week, single use for the survey and the way back, as the real ones are.
 */
final class FakeLinks implements LinkDesk {
  private record Issued(LinkPurpose purpose, String customerId, Instant expiresAt) {}

  private final WinBack winBack;
  private final Clock clock;
  private final Map<String, Issued> issued = new ConcurrentHashMap<>();
  private final Set<String> used = ConcurrentHashMap.newKeySet();
  private final AtomicInteger next = new AtomicInteger();

  FakeLinks(WinBack winBack, Clock clock) {
    this.winBack = winBack;
    this.clock = clock;
  }

  String issue(LinkPurpose purpose, String customerId) {
    String token = "fake" + next.incrementAndGet();
    issued.put(token, new Issued(purpose, customerId, clock.instant().plus(Duration.ofDays(7))));
    return token;
  }

  @Override
  public LinkTarget open(String token, LinkPurpose purpose) {
    if (!token.matches("fake[0-9]+")) {
      throw new TokenRejectedException(Reason.MALFORMED);
    }
    Issued link = Optional.ofNullable(issued.get(token))
        .orElseThrow(() -> new TokenRejectedException(Reason.BAD_SIGNATURE));
    if (link.expiresAt().isBefore(clock.instant())) {
      throw new TokenRejectedException(Reason.EXPIRED);
    }
    if (link.purpose() != purpose) {
      throw new TokenRejectedException(Reason.WRONG_PURPOSE);
    }
    if (purpose != LinkPurpose.UNSUBSCRIBE && used.contains(token)) {
      throw new TokenRejectedException(Reason.ALREADY_USED);
    }
    WinBackPlan plan = winBack
        .plan(link.customerId())
        .orElseThrow(() -> new TokenRejectedException(Reason.NOT_FOUND));
    return new LinkTarget(
        purpose,
        link.customerId(),
        plan.id(),
        plan.customer().locale(),
        plan.steps().stream().flatMap(s -> s.offer().stream()).findFirst(),
        plan.customer().exitTerms().orElse(winBack.playbook().exitTerms()),
        link.expiresAt());
  }

  @Override
  public WinBackPlan answerSurvey(String token, Feedback feedback, boolean keepInTouch) {
    LinkTarget target = open(token, LinkPurpose.SURVEY);
    used.add(token);
    WinBackPlan plan = winBack.recordFeedback(target.customerId(), feedback);
    return keepInTouch ? plan : winBack.optOut(target.customerId());
  }

  @Override
  public WinBackPlan unsubscribe(String token) {
    LinkTarget target = open(token, LinkPurpose.UNSUBSCRIBE);
    return winBack.optOut(target.customerId());
  }

  @Override
  public Redemption comeBack(String token) {
    LinkTarget target = open(token, LinkPurpose.COME_BACK);
    used.add(token);
    WinBackPlan plan = winBack.markWonBack(target.customerId());
    return new Redemption(
        target.customerId(),
        plan.id(),
        target.offer(),
        plan.customer().attributes(),
        target.exitTerms());
  }
}
