package dev.winback;

import dev.winback.internal.ContactPlanning;
import dev.winback.internal.ContactResolver;
import dev.winback.internal.CustomerLocks;
import dev.winback.internal.PlanEdit;
import dev.winback.internal.Planner;
import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.ContactPurpose;
import dev.winback.model.CustomerResponse;
import dev.winback.model.EventType;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.Feedback;
import dev.winback.model.JournalEvent;
import dev.winback.model.LostCustomer;
import dev.winback.model.Offer;
import dev.winback.model.PlanStatus;
import dev.winback.model.PlanStep;
import dev.winback.model.Playbook;
import dev.winback.model.PlaybookRule;
import dev.winback.model.StepAnchor;
import dev.winback.model.StepKind;
import dev.winback.model.StepStatus;
import dev.winback.model.StepTemplate;
import dev.winback.model.Suppression;
import dev.winback.model.ValueTier;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.Activity;
import dev.winback.spi.ActivityWriter;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.ClaimedPlan;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.ContactDecision;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.ContactRequest;
import dev.winback.spi.DueStep;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.GrantConsumption;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.PlanChange;
import dev.winback.spi.PlanStore;
import dev.winback.spi.ReactivationGrant;
import dev.winback.spi.ReEngagementStrategy;
import dev.winback.spi.ReasonClassifier;
import dev.winback.spi.StepContext;
import dev.winback.spi.StepResult;
import dev.winback.spi.SuppressionList;
import dev.winback.spi.WinBackListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The win-back engine: chooses a plan for each lost customer from a {@link Playbook}, runs its steps through the
 * host's strategies as they fall due, and records everything that happens in the customer's journal.
 *
 * <pre>{@code
 * WinBack winBack = WinBack.builder()
 *     .feedback(myFeedback).apology(myApology).incentives(myIncentives).reEngagement(myMailer)
 *     .build();
 * winBack.start(lostCustomer);
 * winBack.runDue(); // from the host's scheduler, e.g. every few minutes
 * }</pre>
 *
 * <p>Built once with {@link #builder()}, immutable and thread-safe afterwards: any number of threads may call any
 * method at once. A step is claimed with an optimistic update before its strategy runs, so concurrent
 * {@link #runDue()} calls never run the same step twice. Exceptions thrown by strategies, listeners and the
 * activity writer are caught; they never corrupt a plan.
 */
public final class WinBack {
  private static final Logger LOG = LoggerFactory.getLogger(WinBack.class);
  private static final int MAX_UPDATE_ATTEMPTS = 100;
  private static final Set<EventType> ACTIVITY_TYPES = EnumSet.of(
      EventType.PLAN_STARTED, EventType.PLAN_REVISED, EventType.STEP_DONE, EventType.STEP_SKIPPED,
      EventType.STEP_FAILED, EventType.FEEDBACK_RECORDED, EventType.RESPONSE_RECORDED, EventType.PLAN_ENDED);

  private final Clock clock;
  private final Playbook playbook;
  private final Planner planner;
  private final PlanStore store;
  private final FeedbackStrategy feedback;
  private final ApologyStrategy apology;
  private final IncentiveStrategy incentives;
  private final ReEngagementStrategy reEngagement;
  private final ActivityWriter activities;
  private final List<WinBackListener> listeners;
  private final ReasonClassifier classifier;
  private final int batchSize;
  private final SuppressionList suppressionList;
  private final ContactPolicy contactPolicy;
  private final CustomerLocks locks = new CustomerLocks();
  private final List<PlanLint.Finding> playbookWarnings;
  private final ReactivationTokens tokens;
  private final Optional<Experiment> experiment;
  private final String nodeId;
  private final Duration lease;
  private final Optional<Duration> stepTimeout;
  private final java.util.concurrent.ExecutorService strategyThreads;
  /** The planner of every playbook this engine may use, by playbook name: its own and the experiment's variants. */
  private final Map<String, Planner> planners = new java.util.HashMap<>();
  private final Map<String, Playbook> playbooks = new java.util.HashMap<>();

  private WinBack(Builder b) {
    this.clock = b.clock == null ? Clock.systemUTC() : b.clock;
    this.playbook = b.playbook == null ? Playbook.standard() : b.playbook;
    this.playbookWarnings = PlanLint.requireNoErrors(playbook);
    this.planner = new Planner(playbook);
    this.store = b.store == null ? PlanStore.inMemory() : b.store;
    this.feedback = b.feedback;
    this.apology = b.apology;
    this.incentives = b.incentives;
    this.reEngagement = b.reEngagement;
    this.activities = b.activities == null ? ActivityWriter.none() : b.activities;
    this.listeners = List.copyOf(b.listeners);
    this.classifier = b.classifier == null ? ReasonClassifier.keywords() : b.classifier;
    this.batchSize = b.batchSize == 0 ? 500 : b.batchSize;
    this.suppressionList = b.suppressionList == null ? SuppressionList.inMemory() : b.suppressionList;
    this.tokens = b.tokens;
    this.experiment = Optional.ofNullable(b.experiment);
    this.nodeId = b.nodeId == null ? "node-" + java.util.UUID.randomUUID() : b.nodeId;
    this.lease = b.lease == null ? Duration.ofMinutes(5) : b.lease;
    this.stepTimeout = Optional.ofNullable(b.stepTimeout);
    this.strategyThreads = b.stepTimeout == null ? null : java.util.concurrent.Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "winback-strategy");
      thread.setDaemon(true);
      return thread;
    });
    playbooks.put(playbook.name(), playbook);
    planners.put(playbook.name(), planner);
    experiment.ifPresent(e -> e.variantPlaybooks().forEach(variant -> {
      PlanLint.requireNoErrors(variant);
      playbooks.put(variant.name(), variant);
      planners.put(variant.name(), new Planner(variant));
    }));
    this.contactPolicy = b.contactPolicy == null
        ? ContactPolicy.standard() : ContactPolicy.standard().and(b.contactPolicy);
  }

  /**
   * Starts configuring an engine.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The playbook this engine chooses plans from.
   *
   * @return the playbook
   */
  public Playbook playbook() {
    return playbook;
  }

  /**
   * What {@link PlanLint} warns about in the playbook (errors would have stopped {@link Builder#build()}).
   *
   * @return the warnings, often empty
   */
  public List<PlanLint.Finding> playbookWarnings() {
    return playbookWarnings;
  }

  /**
   * Chooses the plan a customer would get now, without storing anything or contacting anyone.
   *
   * @param customer the lost customer
   * @return the plan that {@link #start} would start
   */
  public WinBackPlan preview(LostCustomer customer) {
    Objects.requireNonNull(customer, "customer");
    return planFor(customer, clock.instant()).plan();
  }

  /**
   * The plan for a customer with the contact rules applied, counting their earlier contacts; in an experiment, the
   * plan of the customer's arm (none for the holdout).
   */
  private ContactPlanning.Planned planFor(LostCustomer customer, Instant now) {
    Optional<Suppression> listed = suppressionList.lookup(customer);
    if (experiment.isEmpty() || listed.isPresent() || Planner.whyNotContact(customer).isPresent()) {
      return ContactPlanning.apply(planner.plan(customer, now), contactPolicy, playbook.contactRules(),
          store.contactHistory(customer.id()), listed, now);
    }
    Experiment running = experiment.get();
    String arm = running.assign(customer.id());
    if (arm.equals(Experiment.HOLDOUT)) {
      WinBackPlan holdout = WinBackPlan.builder()
          .id(Planner.planId(customer)).customer(customer).playbook(playbook.name()).startedAt(now)
          .rule(Experiment.HOLDOUT)
          .rationale("Held out of all contact by experiment '" + running.name()
              + "', to measure how many come back without a win-back plan.")
          .experiment(running.name()).arm(arm)
          .build();
      return new ContactPlanning.Planned(holdout, List.of());
    }
    Playbook armPlaybook = running.playbookOf(arm).orElse(playbook);
    ContactPlanning.Planned planned = ContactPlanning.apply(planners.get(armPlaybook.name()).plan(customer, now),
        contactPolicy, armPlaybook.contactRules(), store.contactHistory(customer.id()), listed, now);
    return new ContactPlanning.Planned(
        WinBackPlan.builder().from(planned.plan()).experiment(running.name()).arm(arm).build(), planned.events());
  }

  private Playbook playbookOf(WinBackPlan plan) {
    return playbooks.getOrDefault(plan.playbook(), playbook);
  }

  /**
   * Chooses a plan for a lost customer and stores it; its steps run as they fall due. Idempotent: starting the same
   * loss (same customer id and {@code lostAt}) again returns the plan already stored. A new loss of a customer whose
   * earlier plan is still active ends that plan as {@link PlanStatus#SUPERSEDED}.
   *
   * @param customer the lost customer
   * @return the stored plan, already ended as {@link PlanStatus#SUPPRESSED} when the customer must not be contacted
   */
  public WinBackPlan start(LostCustomer customer) {
    Objects.requireNonNull(customer, "customer");
    String planId = Planner.planId(customer);
    Optional<WinBackPlan> existing = store.find(planId);
    if (existing.isPresent()) {
      return existing.get();
    }
    ReentrantLock lock = locks.of(customer.id());
    lock.lock();
    try {
      return startLocked(customer, planId);
    } finally {
      lock.unlock();
    }
  }

  private WinBackPlan startLocked(LostCustomer customer, String planId) {
    Instant now = clock.instant();
    store.latestPlan(customer.id())
        .filter(old -> old.status().isActive() && !old.id().equals(planId))
        .ifPresent(old -> apply(old.id(), plan -> {
          PlanEdit edit = new PlanEdit(plan, now);
          edit.end(PlanStatus.SUPERSEDED, "a newer loss of the customer started another plan");
          return edit;
        }));
    ContactPlanning.Planned planned = planFor(customer, now);
    WinBackPlan plan = planned.plan();
    List<JournalEvent> events = new ArrayList<>();
    events.add(startEvent(plan, now));
    events.addAll(planned.events());
    plan.endedAt().ifPresent(at -> events.add(event(plan, now, EventType.PLAN_ENDED)
        .detail(plan.status() + ": " + plan.rationale())
        .build()));
    WinBackPlan stored = store.insertIfAbsent(plan, events);
    if (stored == plan) {
      LOG.debug("Started plan {} by rule '{}' with {} steps", plan.id(), plan.rule(), plan.steps().size());
      publish(events);
    }
    return stored;
  }

  /**
   * Records what a customer told us about why they left. Their words are classified into a category (unless the
   * feedback has one), feedback-anchored steps such as the thank-you move to count from now, and when the reason
   * calls for a different playbook rule (e.g. the fault turns out to be ours) the plan's remaining steps are
   * replaced by that rule's, so the apology comes first.
   *
   * @param customerId the customer
   * @param feedback what they said
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   */
  public WinBackPlan recordFeedback(String customerId, Feedback feedback) {
    Objects.requireNonNull(feedback, "feedback");
    WinBackPlan latest = latest(customerId);
    ExitCategory category = feedback.category()
        .orElseGet(() -> feedback.text()
            .map(text -> classifier.classify(text, latest.customer().locale()))
            .orElse(ExitCategory.UNKNOWN));
    ExitReason.Builder reason = ExitReason.builder()
        .category(category)
        .verbatim(feedback.text())
        .source(feedback.source())
        .recordedAt(feedback.receivedAt());
    feedback.ourFault().ifPresent(reason::ourFault);
    ExitReason exitReason = reason.build();
    return apply(latest.id(), plan -> {
      PlanEdit edit = new PlanEdit(plan, clock.instant());
      edit.addReason(exitReason);
      edit.event(EventType.FEEDBACK_RECORDED, "feedback via " + exitReason.source() + ": " + category
          + (exitReason.ourFault() ? " (the fault was ours)" : ""));
      if (!edit.isActive()) {
        return edit;
      }
      Optional<String> blocked = Planner.whyNotContact(edit.customer());
      if (blocked.isPresent()) {
        if (edit.customer().leftBecauseOf(ExitCategory.DECEASED)) {
          suppressionList.add(edit.customer(), Suppression.DECEASED);
        }
        edit.end(PlanStatus.SUPPRESSED, blocked.get());
        return edit;
      }
      if (plan.feedbackReceivedAt().isEmpty()) {
        edit.feedbackReceivedAt(feedback.receivedAt());
        reanchorToFeedback(edit, feedback.receivedAt());
      }
      reviseIfAnotherRuleApplies(edit, plan);
      return edit;
    });
  }

  /**
   * Records how a customer answered: {@link CustomerResponse#DECLINED} and {@link CustomerResponse#CAME_BACK} end
   * the plan at once; {@link CustomerResponse#ENGAGED} is noted and the plan goes on.
   *
   * @param customerId the customer
   * @param response the answer
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   */
  public WinBackPlan recordResponse(String customerId, CustomerResponse response) {
    Objects.requireNonNull(response, "response");
    WinBackPlan latest = latest(customerId);
    return apply(latest.id(), plan -> {
      PlanEdit edit = new PlanEdit(plan, clock.instant());
      edit.event(EventType.RESPONSE_RECORDED, "the customer responded: " + response);
      switch (response) {
        case ENGAGED -> { }
        case DECLINED -> edit.end(PlanStatus.DECLINED, "the customer declined");
        case CAME_BACK -> {
          if (edit.isActive()) {
            edit.end(PlanStatus.WON_BACK, "the customer came back");
          } else if (plan.status() != PlanStatus.WON_BACK) {
            edit.reclassifyEnded(PlanStatus.WON_BACK, "the customer came back after the plan ended");
          }
        }
      }
      return edit;
    });
  }

  /**
   * Records that a customer came back; the plan ends as {@link PlanStatus#WON_BACK} and nothing more is sent.
   *
   * @param customerId the customer
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   */
  public WinBackPlan markWonBack(String customerId) {
    return recordResponse(customerId, CustomerResponse.CAME_BACK);
  }

  /**
   * Records that a customer asked not to be contacted: consent is withdrawn on every contact point and the plan
   * ends as {@link PlanStatus#OPTED_OUT}, cancelling every step not yet sent.
   *
   * @param customerId the customer
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   */
  public WinBackPlan optOut(String customerId) {
    WinBackPlan latest = latest(customerId);
    ReentrantLock lock = locks.of(customerId);
    lock.lock();
    try {
      WinBackPlan ended = apply(latest.id(), plan -> {
        PlanEdit edit = new PlanEdit(plan, clock.instant());
        edit.withdrawAllConsent();
        edit.event(EventType.CONSENT_CHANGED, "consent withdrawn on every channel for every purpose, source: opt-out");
        edit.event(EventType.RESPONSE_RECORDED, "the customer opted out of all contact");
        edit.end(PlanStatus.OPTED_OUT, "the customer opted out");
        return edit;
      });
      suppressionList.add(latest.customer(), Suppression.DO_NOT_CONTACT);
      return ended;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Records that a customer must not be contacted at all (they died, a legal hold, a do-not-contact request); the
   * plan ends as {@link PlanStatus#SUPPRESSED} at once.
   *
   * @param customerId the customer
   * @param suppression why
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   */
  public WinBackPlan suppress(String customerId, Suppression suppression) {
    Objects.requireNonNull(suppression, "suppression");
    WinBackPlan latest = latest(customerId);
    ReentrantLock lock = locks.of(customerId);
    lock.lock();
    try {
      WinBackPlan ended = apply(latest.id(), plan -> {
        PlanEdit edit = new PlanEdit(plan, clock.instant());
        edit.customer(LostCustomer.builder().from(edit.customer()).suppression(suppression).build());
        edit.event(EventType.RESPONSE_RECORDED, "the customer must not be contacted: " + suppression);
        edit.end(PlanStatus.SUPPRESSED, "the customer is suppressed (" + suppression + ")");
        return edit;
      });
      suppressionList.add(latest.customer(), suppression);
      return ended;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Records a change of consent, with its time and source, as proof of consent: the customer's contact points for
   * the channel change, and the contact policy honours the change from the next step on.
   *
   * @param customerId the customer
   * @param channel the channel
   * @param purpose the purpose the consent is for, or empty for every purpose
   * @param consent the new consent
   * @param source where the change came from (e.g. "preference centre", "call with support"), free of personal data
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   */
  public WinBackPlan recordConsent(
      String customerId, Channel channel, Optional<ContactPurpose> purpose, Consent consent, String source) {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(purpose, "purpose");
    Objects.requireNonNull(consent, "consent");
    Objects.requireNonNull(source, "source");
    dev.winback.model.Limits.requireValidName("source", source);
    WinBackPlan latest = latest(customerId);
    return apply(latest.id(), plan -> {
      PlanEdit edit = new PlanEdit(plan, clock.instant());
      List<ContactPoint> points = new ArrayList<>();
      List<String> before = new ArrayList<>();
      for (ContactPoint point : edit.customer().contactPoints()) {
        if (point.channel() != channel) {
          points.add(point);
          continue;
        }
        before.add(purpose.map(point::consentFor).orElse(point.consent()).name());
        ContactPoint.Builder changed = ContactPoint.builder().from(point);
        if (purpose.isPresent()) {
          changed.putPurposeConsent(purpose.get(), consent);
        } else {
          changed.consent(consent).purposeConsents(Map.of());
        }
        points.add(changed.build());
      }
      edit.customer(LostCustomer.builder().from(edit.customer()).contactPoints(points).build());
      edit.event(EventType.CONSENT_CHANGED, channel + " consent for " + purpose.map(Enum::name).orElse("every purpose")
          + ": " + (before.isEmpty() ? "no contact point" : String.join(", ", before)) + " -> " + consent
          + ", source: " + source);
      return edit;
    });
  }

  /**
   * Issues the opaque token for a customer's "come back" link, for their latest plan and its latest offer. The
   * token reveals nothing about the customer; redeem it with {@link #redeem(String)}.
   *
   * @param customerId the customer
   * @return the token, to put in a link
   * @throws ConfigurationException when no {@link ReactivationTokens} were configured
   * @throws UnknownCustomerException when the customer has no plan
   */
  public String issueReactivationToken(String customerId) {
    if (tokens == null) {
      throw new ConfigurationException("configure reactivationTokens(...) on the builder to issue tokens");
    }
    WinBackPlan latest = latest(customerId);
    Instant now = clock.instant();
    ReactivationTokens.Issued issued = tokens.issue(now);
    Optional<Offer> offer = latest.steps().stream()
        .map(PlanStep::offer)
        .flatMap(Optional::stream)
        .max(java.util.Comparator.comparing(Offer::expiresAt));
    store.saveGrant(new ReactivationGrant(issued.tokenId(), customerId, latest.id(), offer, now, issued.expiresAt()));
    apply(latest.id(), plan -> {
      PlanEdit edit = new PlanEdit(plan, now);
      edit.event(EventType.TOKEN_ISSUED, "reactivation token issued, valid until " + issued.expiresAt());
      return edit;
    });
    return issued.token();
  }

  /**
   * Redeems a reactivation token: checks it (signature in constant time, key, expiry), consumes it atomically (of
   * many concurrent redemptions exactly one succeeds), records that the customer came back, and returns what the
   * host needs to restore them. A rejected token changes nothing.
   *
   * @param token the token from the link
   * @return what to restore
   * @throws TokenRejectedException saying why, without revealing anything about the token
   * @throws ConfigurationException when no {@link ReactivationTokens} were configured
   */
  public Redemption redeem(String token) {
    if (tokens == null) {
      throw new ConfigurationException("configure reactivationTokens(...) on the builder to redeem tokens");
    }
    Instant now = clock.instant();
    ReactivationTokens.Verified verified = tokens.verify(token, now);
    GrantConsumption consumption = store.consumeGrant(verified.tokenId(), now);
    if (consumption.status() == GrantConsumption.Status.ALREADY_USED) {
      throw new TokenRejectedException(TokenRejectedException.Reason.ALREADY_USED);
    }
    if (consumption.status() == GrantConsumption.Status.UNKNOWN) {
      throw new TokenRejectedException(TokenRejectedException.Reason.NOT_FOUND);
    }
    ReactivationGrant grant = consumption.grant().orElseThrow();
    WinBackPlan plan = apply(grant.planId(), current -> {
      PlanEdit edit = new PlanEdit(current, now);
      edit.event(EventType.TOKEN_REDEEMED, "the customer came back through their reactivation link");
      if (edit.isActive()) {
        edit.end(PlanStatus.WON_BACK, "the customer came back");
      } else if (current.status() != PlanStatus.WON_BACK) {
        edit.reclassifyEnded(PlanStatus.WON_BACK, "the customer came back after the plan ended");
      }
      return edit;
    });
    LostCustomer customer = plan.customer();
    return new Redemption(customer.id(), plan.id(), grant.offer(), customer.attributes(),
        customer.exitTerms().orElse(playbook.exitTerms()));
  }

  /**
   * Erases a customer's personal data (right to erasure): every plan and journal entry is replaced by an anonymous
   * copy under a random id (kept for aggregate statistics: reasons, steps, outcomes, value), pending steps are
   * cancelled, reactivation tokens die, and keyed fingerprints of the customer's id and contact addresses go on the
   * suppression list, so the person is never contacted again, even under a new id. Does nothing for an unknown id.
   *
   * @param customerId the customer
   */
  public void erase(String customerId) {
    Objects.requireNonNull(customerId, "customerId");
    dev.winback.model.Limits.requireValidId("customerId", customerId);
    ReentrantLock lock = locks.of(customerId);
    lock.lock();
    try {
      List<WinBackPlan> plans = store.plans(customerId);
      if (plans.isEmpty()) {
        return;
      }
      for (WinBackPlan plan : plans) {
        suppressionList.add(plan.customer(), Suppression.ERASED);
      }
      Instant now = clock.instant();
      String anonymousId = "erased-" + java.util.UUID.randomUUID();
      store.anonymise(customerId, anonymousId,
          plan -> Erasure.plan(plan, customerId, anonymousId, now),
          event -> Erasure.event(event, customerId, anonymousId));
      WinBackPlan last = store.plans(anonymousId).get(plans.size() - 1);
      PlanEdit edit = new PlanEdit(last, now);
      edit.event(EventType.DATA_ERASED, "personal data erased on request; anonymous record kept");
      PlanEdit.Change change = edit.build();
      store.update(change.plan(), change.events());
      LOG.info("Erased the personal data of a customer; anonymous record {}", anonymousId);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Everything WinBack holds about one customer, as JSON (right of access): every plan with its steps, the journal,
   * the contacts made and any suppression.
   *
   * @param customerId the customer
   * @return a JSON document
   * @throws UnknownCustomerException when WinBack holds nothing about the customer
   */
  public String export(String customerId) {
    dev.winback.model.Limits.requireValidId("customerId", customerId);
    List<WinBackPlan> plans = store.plans(customerId);
    if (plans.isEmpty()) {
      throw new UnknownCustomerException(customerId);
    }
    com.fasterxml.jackson.databind.ObjectMapper mapper = WinBackJson.mapper();
    com.fasterxml.jackson.databind.node.ObjectNode root = mapper.createObjectNode();
    root.put("customerId", customerId);
    root.put("exportedAt", clock.instant().toString());
    root.set("plans", mapper.valueToTree(plans));
    root.set("journal", mapper.valueToTree(store.journal(customerId)));
    root.set("contacts", mapper.valueToTree(store.contactHistory(customerId)));
    Optional<Suppression> suppressed = suppressionList.lookup(plans.get(plans.size() - 1).customer());
    suppressed.ifPresent(reason -> root.put("suppression", reason.name()));
    try {
      return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("cannot write the export", e);
    }
  }

  /**
   * Honours the exit terms: erases the data of every customer whose plans have all ended and whose data retention
   * period (their own {@link LostCustomer#exitTerms()}, else the playbook's) has passed since they left.
   *
   * @return how many customers' data was erased
   */
  public int eraseDataPastRetention() {
    Instant now = clock.instant();
    int erased = 0;
    String after = "";
    while (true) {
      List<String> page = store.customerIds(after, 500);
      if (page.isEmpty()) {
        return erased;
      }
      for (String customerId : page) {
        if (customerId.startsWith("erased-")) {
          continue;
        }
        List<WinBackPlan> plans = store.plans(customerId);
        if (plans.isEmpty() || plans.stream().anyMatch(p -> p.status().isActive())) {
          continue;
        }
        LostCustomer customer = plans.get(plans.size() - 1).customer();
        java.time.Period retention = customer.exitTerms().orElse(playbook.exitTerms()).dataRetention();
        if (!customer.lostAt().atZone(java.time.ZoneOffset.UTC).plus(retention).toInstant().isAfter(now)) {
          erase(customerId);
          erased++;
        }
      }
      after = page.get(page.size() - 1);
    }
  }

  /**
   * Runs every step that is due now through its strategy, in batches until none is left. Safe to call from several
   * threads or nodes sharing a store at once: each step is claimed before it runs, so none runs twice. A step whose
   * strategy throws or fails is retried with exponential backoff up to the playbook's attempts; then it fails and
   * the plan goes on or halts, as the playbook says.
   *
   * @return what this call did
   */
  public RunSummary runDue() {
    return runDue(() -> true);
  }

  /** Runs due steps while {@code keepGoing} says so; claimed plans not worked on are released. */
  RunSummary runDue(java.util.function.BooleanSupplier keepGoing) {
    Instant now = clock.instant();
    int[] counts = new int[5];
    while (keepGoing.getAsBoolean()) {
      List<ClaimedPlan> claimed = store.claimDue(now, batchSize, nodeId, clock.instant().plus(lease));
      if (claimed.isEmpty()) {
        break;
      }
      Set<String> held = new java.util.LinkedHashSet<>(claimed.size() * 2);
      claimed.forEach(c -> held.add(c.plan().id()));
      int handled;
      try {
        handled = runBatch(claimed, held, now, counts);
      } finally {
        if (!held.isEmpty()) {
          store.releaseClaims(nodeId, held);
        }
      }
      if (handled == 0) {
        break;
      }
    }
    return new RunSummary(counts[0], counts[1], counts[2], counts[3], counts[4]);
  }

  /**
   * Starts a built-in runner for hosts without a scheduler of their own: {@code threads} workers call
   * {@link #runDue()} every {@code interval}. Close the runner to stop it gracefully: no new step starts, steps in
   * progress finish, and the claims on the rest are released for other nodes.
   *
   * @param interval the pause between runs of a worker
   * @param threads how many workers
   * @return the running runner
   */
  public Runner startRunner(Duration interval, int threads) {
    return new Runner(this, interval, threads);
  }

  /**
   * The customer's most recent plan.
   *
   * @param customerId the customer
   * @return the plan, if the customer has one
   */
  public Optional<WinBackPlan> plan(String customerId) {
    dev.winback.model.Limits.requireValidId("customerId", customerId);
    return store.latestPlan(customerId);
  }

  /**
   * The customer's journal: every event of every plan, in order.
   *
   * @param customerId the customer
   * @return the events, empty for an unknown customer
   */
  public List<JournalEvent> history(String customerId) {
    dev.winback.model.Limits.requireValidId("customerId", customerId);
    return store.journal(customerId);
  }

  @Override
  public String toString() {
    return "WinBack[playbook=" + playbook.name() + ", store=" + store.getClass().getSimpleName() + ", clock=" + clock
        + ", batchSize=" + batchSize + "]";
  }

  // ---------------------------------------------------------------------------------------------- running steps

  /**
   * A step claimed in a batch, with the plan version that claimed it (stored, or held in memory only under a
   * store's lease) and, once run, its result.
   */
  private static final class Claim {
    final WinBackPlan plan;
    final PlanStep step;
    final boolean stored;
    StepResult result;

    Claim(WinBackPlan plan, PlanStep step, boolean stored) {
      this.plan = plan;
      this.step = step;
      this.stored = stored;
    }
  }

  /**
   * Runs the next due step of each claimed plan: stores the claims in one write (unless the store's lease already
   * says who runs them), invokes the strategies, records the results and releases the plans in one write. The
   * customers' locks are held throughout, so an opt-out in this process either comes before a step's last contact
   * check or waits until its send is recorded. Plans released here are removed from {@code held}.
   */
  private int runBatch(List<ClaimedPlan> claimed, Set<String> held, Instant now, int[] counts) {
    boolean leased = store.leasesClaims();
    List<ReentrantLock> customerLocks = locks.lockAll(claimed.stream().map(c -> c.plan().customer().id()).toList());
    try {
      Map<String, List<ContactRecord>> histories = needsHistory()
          ? store.contactHistories(claimed.stream().map(c -> c.plan().customer().id()).distinct().toList())
          : Map.of();
      List<PlanEdit.Change> claims = new ArrayList<>();
      List<Claim> running = new ArrayList<>();
      int handled = 0;
      for (ClaimedPlan candidate : claimed) {
        Optional<PlanEdit> edit = nextDue(candidate, now).flatMap(due -> claim(candidate.plan(), due, now,
            histories.getOrDefault(candidate.plan().customer().id(), List.of())));
        if (edit.isEmpty()) {
          continue;
        }
        if (leased && !edit.get().hasEvents()) { // a plain start: the lease records who runs it
          WinBackPlan plan = edit.get().buildUnstored().plan();
          Optional<PlanStep> step = plan.steps().stream().filter(s -> s.status() == StepStatus.RUNNING).findFirst();
          if (step.isPresent()) {
            running.add(new Claim(plan, step.get(), false));
            handled++;
            continue;
          }
        }
        claims.add(edit.get().build());
      }
      List<Boolean> stored = claims.isEmpty() ? List.of()
          : store.updateAll(claims.stream().map(c -> new PlanChange(c.plan(), c.events())).toList());
      for (int i = 0; i < claims.size(); i++) {
        if (!stored.get(i)) {
          continue; // another runner changed the plan first
        }
        handled++;
        WinBackPlan plan = claims.get(i).plan();
        List<JournalEvent> events = claims.get(i).events();
        publish(events);
        Optional<PlanStep> step = plan.steps().stream().filter(s -> s.status() == StepStatus.RUNNING).findFirst();
        if (step.isPresent()) {
          running.add(new Claim(plan, step.get(), true));
        } else if (events.stream().anyMatch(e -> e.type() == EventType.STEP_DELAYED) && plan.status().isActive()) {
          counts[2]++; // delayed by a contact rule
        } else {
          counts[1]++; // stopped by a contact rule
        }
      }
      Instant leaseRenewed = clock.instant();
      for (Claim claim : running) {
        claim.result = invokeSafely(claim.plan, claim.step, now); // a claimed step always runs to its end
        if (Duration.between(leaseRenewed, clock.instant()).compareTo(lease.dividedBy(3)) > 0) {
          leaseRenewed = clock.instant();
          store.extendClaims(nodeId, List.copyOf(held), leaseRenewed.plus(lease)); // heartbeat
        }
      }
      List<PlanEdit.Change> completions = new ArrayList<>();
      for (Claim claim : running) {
        completions.add(complete(claim.plan, claim.step.index(), claim.result, now).orElseThrow().build());
      }
      List<Boolean> recorded = completions.isEmpty() ? List.of() : store.updateAllAndRelease(nodeId,
          completions.stream().map(c -> new PlanChange(c.plan(), c.events())).toList());
      for (int i = 0; i < running.size(); i++) {
        Claim claim = running.get(i);
        WinBackPlan after;
        if (recorded.get(i)) {
          after = completions.get(i).plan();
          held.remove(after.id());
          publish(completions.get(i).events());
        } else if (store.find(claim.plan.id()).isEmpty()) { // the customer was erased on another node meanwhile
          LOG.debug("{} step {} ran while its customer was erased; nothing of it is kept", claim.step.kind(),
              claim.step.index());
          held.remove(claim.plan.id());
          continue;
        } else { // the plan changed meanwhile (e.g. an opt-out on another node): record the result on top of it
          after = change(claim.plan.id(), current -> complete(claim.stored ? current : resumed(current, claim.step,
              now), claim.step.index(), claim.result, now)).orElse(claim.plan);
        }
        StepStatus status = after.step(claim.step.index()).status();
        LOG.debug("{} step {} of plan {} by {}: {}", claim.step.kind(), claim.step.index(), claim.plan.id(),
            claim.step.channel(), status);
        counts[status == StepStatus.DONE ? 0 : status == StepStatus.SKIPPED ? 1
            : status == StepStatus.PENDING ? 3 : 4]++;
      }
      return handled;
    } finally {
      customerLocks.forEach(ReentrantLock::unlock);
    }
  }

  /**
   * The plan with a step as its unstored claim left it (running, one more attempt), if no runner has run the step
   * since: it may still wait, or have been cancelled by a change that could not know it was running (an opt-out on
   * another node), and its result must still be recorded. Otherwise the plan as it is.
   */
  private static WinBackPlan resumed(WinBackPlan current, PlanStep claimed, Instant now) {
    PlanStep step = current.step(claimed.index());
    if (step.status() != StepStatus.PENDING && step.status() != StepStatus.CANCELLED
        || step.attempts() != claimed.attempts() - 1) {
      return current;
    }
    PlanEdit edit = new PlanEdit(current, now);
    edit.replace(claimed);
    return edit.buildUnstored().plan();
  }

  /** The step of a claimed plan to run now: the first unfinished one, if it is due (or orphaned). */
  private static Optional<DueStep> nextDue(ClaimedPlan claimed, Instant now) {
    WinBackPlan plan = claimed.plan();
    if (!plan.status().isActive()) {
      return Optional.empty();
    }
    for (PlanStep step : plan.steps()) {
      if (step.status() == StepStatus.RUNNING) {
        return claimed.recovering() ? Optional.of(new DueStep(plan.id(), step.index(), step.dueAt(), true))
            : Optional.empty();
      }
      if (step.status() == StepStatus.PENDING) {
        return step.dueAt().isAfter(now) ? Optional.empty()
            : Optional.of(new DueStep(plan.id(), step.index(), step.dueAt(), claimed.recovering()));
      }
    }
    return Optional.empty();
  }

  /**
   * The key a host uses to send each step once: the same on every attempt and every node, opaque (it reveals neither
   * the customer nor the plan).
   */
  private static String idempotencyKey(WinBackPlan plan, PlanStep step) {
    byte[] digest = SHA_256.get()
        .digest((plan.id() + "#" + step.index()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return "wb-" + java.util.HexFormat.of().formatHex(digest, 0, 16);
  }

  /** One digest per thread: looking the algorithm up for every step cost more than hashing. */
  private static final ThreadLocal<java.security.MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
    try {
      return java.security.MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  });

  private boolean needsHistory() {
    return playbooks.values().stream().anyMatch(p -> !p.contactRules().caps().isEmpty()
        || !p.contactRules().reasonCaps().isEmpty());
  }

  private StepResult invokeSafely(WinBackPlan plan, PlanStep step, Instant now) {
    StepContext context = new StepContext(plan.customer(), plan, step, idempotencyKey(plan, step),
        step.attempts(), now, plan.customer().exitTerms().orElse(playbookOf(plan).exitTerms()));
    try {
      return Objects.requireNonNullElse(invokeInTime(context), StepResult.failed("the strategy returned no result"));
    } catch (java.util.concurrent.TimeoutException e) {
      LOG.warn("Strategy for {} step {} of plan {} timed out after {}", step.kind(), step.index(), plan.id(),
          stepTimeout.orElseThrow());
      return StepResult.failed("the strategy did not answer within " + stepTimeout.orElseThrow());
    } catch (Exception | LinkageError | AssertionError e) {
      LOG.warn("Strategy for {} step {} of plan {} threw {}", step.kind(), step.index(), plan.id(),
          e.getClass().getName());
      return StepResult.failed("the strategy threw " + e.getClass().getName());
    }
  }

  private Optional<PlanEdit> claim(WinBackPlan plan, DueStep due, Instant now, List<ContactRecord> history) {
    int index = due.stepIndex();
    PlanStep step = plan.step(index);
    PlanEdit recovery = null;
    if (due.recovering() && plan.status().isActive() && step.status() == StepStatus.RUNNING) {
      recovery = new PlanEdit(plan, now);
      step = PlanStep.builder().from(step).status(StepStatus.PENDING).dueAt(step.dueAt().isAfter(now) ? now
          : step.dueAt()).build();
      recovery.replace(step);
      recovery.event(EventType.STEP_RECOVERED, step, step.kind() + " was claimed by a runner that stopped; it "
          + "runs again with the same idempotency key");
      plan = recovery.build().plan();
    } else if (due.recovering() && store.leasesClaims() && plan.status().isActive()
        && step.status() == StepStatus.PENDING && !step.dueAt().isAfter(now)) {
      recovery = new PlanEdit(plan, now); // the stopped runner may have run it: count its attempt
      step = PlanStep.builder().from(step).attempts(step.attempts() + 1).build();
      recovery.replace(step);
      recovery.event(EventType.STEP_RECOVERED, step, step.kind() + " was claimed by a runner that stopped and may "
          + "have run; it runs again with the same idempotency key");
      plan = recovery.build().plan();
    }
    if (!plan.status().isActive() || step.status() != StepStatus.PENDING || step.dueAt().isAfter(now)) {
      return Optional.ofNullable(recovery);
    }
    for (int i = 0; i < index; i++) {
      if (!plan.step(i).status().isFinal()) {
        return Optional.empty(); // earlier steps first: an apology before the rest
      }
    }
    PlanEdit edit = recovery != null ? recovery : new PlanEdit(plan, now);
    LostCustomer customer = plan.customer();
    ContactResolver.Resolution resolution = ContactResolver.resolve(contactPolicy, new ContactRequest(
        customer, plan.id(), step.kind(), step.channel(), now, history,
        suppressionList.lookup(customer), playbookOf(plan).contactRules()));
    if (resolution.stop().orElse(null) instanceof ContactDecision.Suppress suppress) {
      edit.end(PlanStatus.SUPPRESSED, ContactResolver.explain(suppress));
      return Optional.of(edit);
    }
    for (ContactDecision change : resolution.changes()) {
      edit.event(change instanceof ContactDecision.Delay ? EventType.STEP_DELAYED : EventType.STEP_REROUTED, step,
          step.kind() + " " + ContactResolver.explain(change));
    }
    PlanStep.Builder adjusted = PlanStep.builder().from(step).channel(resolution.channel());
    if (resolution.stop().isPresent()) {
      edit.finish(adjusted.build(), StepStatus.SKIPPED, ContactResolver.explain(resolution.stop().get()),
          EventType.STEP_SKIPPED);
      edit.endIfNothingLeft();
    } else if (resolution.at().isAfter(now)) {
      edit.replace(adjusted.dueAt(resolution.at()).build());
    } else {
      edit.replace(adjusted.status(StepStatus.RUNNING).attempts(step.attempts() + 1).build());
    }
    return Optional.of(edit);
  }

  private StepResult invokeInTime(StepContext context) throws Exception {
    if (stepTimeout.isEmpty()) {
      return invoke(context);
    }
    java.util.concurrent.Future<StepResult> call = strategyThreads.submit(() -> invoke(context));
    try {
      return call.get(stepTimeout.get().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.TimeoutException e) {
      call.cancel(true);
      throw e;
    } catch (java.util.concurrent.ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw e;
    }
  }

  private StepResult invoke(StepContext context) throws Exception {
    return switch (context.step().kind()) {
      case FEEDBACK_REQUEST -> feedback.requestFeedback(context);
      case APOLOGY -> apology.apologise(context);
      case INCENTIVE_OFFER -> incentives.offerIncentive(context);
      case RE_ENGAGEMENT, FOLLOW_UP, THANK_YOU, SECOND_CHANCE_ASK, GRACEFUL_GOODBYE -> reEngagement.reEngage(context);
    };
  }

  private Optional<PlanEdit> complete(WinBackPlan plan, int index, StepResult result, Instant now) {
    Playbook playbook = playbookOf(plan);
    PlanStep step = plan.step(index);
    if (step.status() != StepStatus.RUNNING) {
      return Optional.empty();
    }
    PlanEdit edit = new PlanEdit(plan, now);
    if (result instanceof StepResult.Sent sent) {
      edit.finish(step, StepStatus.DONE, sent.reference().map(ref -> "sent, reference " + ref).orElse("sent"),
          EventType.STEP_DONE);
    } else if (result instanceof StepResult.Skipped skipped) {
      edit.finish(step, StepStatus.SKIPPED, skipped.reason(), EventType.STEP_SKIPPED);
    } else if (result instanceof StepResult.Failed failed) {
      if (step.attempts() < playbook.maxAttempts()) {
        Duration backoff = playbook.retryBackoff().multipliedBy(1L << Math.min(step.attempts() - 1, 20));
        Instant retryAt = now.plus(backoff);
        edit.replace(PlanStep.builder().from(step).status(StepStatus.PENDING).dueAt(retryAt)
            .outcome("attempt " + step.attempts() + " failed: " + failed.reason()).build());
        edit.event(EventType.STEP_RETRY_SCHEDULED, step, "attempt " + step.attempts() + " of "
            + playbook.maxAttempts() + " failed (" + failed.reason() + "); retry at " + retryAt);
      } else {
        edit.finish(step, StepStatus.FAILED, "failed after " + step.attempts() + " attempts: " + failed.reason(),
            EventType.STEP_FAILED);
        if (playbook.onStepFailure() == dev.winback.model.FailureAction.HALT) {
          edit.end(PlanStatus.HALTED, step.kind() + " step failed and the playbook halts on failure");
        }
      }
    }
    edit.endIfNothingLeft();
    return Optional.of(edit);
  }

  // ---------------------------------------------------------------------------------------------- feedback

  private static void reanchorToFeedback(PlanEdit edit, Instant receivedAt) {
    for (PlanStep step : List.copyOf(edit.steps())) {
      if (step.status() == StepStatus.PENDING && step.anchor() == StepAnchor.FEEDBACK) {
        Instant due = receivedAt.plus(step.offset());
        Instant at = due.isBefore(edit.now()) ? edit.now() : due;
        if (!at.equals(step.dueAt())) {
          edit.replace(PlanStep.builder().from(step).dueAt(at).build());
          edit.event(EventType.STEP_RESCHEDULED, step, step.kind() + " moved to " + at + ", "
              + step.offset().toDays() + " days after the feedback");
        }
      }
    }
  }

  private void reviseIfAnotherRuleApplies(PlanEdit edit, WinBackPlan plan) {
    if (plan.arm().filter(Experiment.HOLDOUT::equals).isPresent()) {
      return;
    }
    Planner planner = planners.getOrDefault(plan.playbook(), this.planner);
    Playbook playbook = playbookOf(plan);
    PlaybookRule rule = planner.ruleFor(edit.customer());
    if (rule.name().equals(plan.rule())) {
      return;
    }
    Set<StepKind> alreadyHandled = EnumSet.noneOf(StepKind.class);
    for (PlanStep step : edit.steps()) {
      if (step.status() != StepStatus.PENDING && step.status() != StepStatus.CANCELLED) {
        alreadyHandled.add(step.kind());
      }
    }
    for (PlanStep step : List.copyOf(edit.steps())) {
      if (step.status() == StepStatus.PENDING) {
        edit.finish(step, StepStatus.CANCELLED, "replaced by rule '" + rule.name() + "'", EventType.STEP_CANCELLED);
      }
    }
    ValueTier tier = playbook.valueTiers().tierOf(edit.customer().value());
    PlaybookRule anchored = anchorFeedbackStepsTo(rule, plan.startedAt(), edit);
    List<PlanStep> added = planner.steps(anchored, edit.customer(), tier, plan.startedAt(), edit.now(),
        alreadyHandled, edit.steps().size());
    edit.append(added);
    edit.rule(rule.name(), Planner.rationale(rule, tier) + " Revised after the customer's feedback.");
    edit.event(EventType.PLAN_REVISED, "rule '" + plan.rule() + "' replaced by '" + rule.name() + "' after feedback: "
        + added.size() + " new steps");
    edit.endIfNothingLeft();
  }

  /** The rule with its feedback-anchored steps counted from the real feedback time instead of the planned ask. */
  private static PlaybookRule anchorFeedbackStepsTo(PlaybookRule rule, Instant start, PlanEdit edit) {
    Duration sinceStart = Duration.between(start, edit.now());
    List<StepTemplate> steps = new ArrayList<>();
    for (StepTemplate template : rule.steps()) {
      steps.add(template.anchor() == StepAnchor.FEEDBACK
          ? StepTemplate.builder().from(template).anchor(StepAnchor.PLAN_START)
              .offset(sinceStart.plus(template.offset())).build()
          : template);
    }
    return PlaybookRule.builder().from(rule).steps(steps).build();
  }

  // ---------------------------------------------------------------------------------------------- plumbing

  private WinBackPlan latest(String customerId) {
    Objects.requireNonNull(customerId, "customerId");
    dev.winback.model.Limits.requireValidId("customerId", customerId);
    return store.latestPlan(customerId).orElseThrow(() -> new UnknownCustomerException(customerId));
  }

  /** Applies a change that always records something; see {@link #change}. */
  private WinBackPlan apply(String planId, Function<WinBackPlan, PlanEdit> changeOf) {
    return change(planId, plan -> Optional.of(changeOf.apply(plan))).orElseThrow();
  }

  /** Applies a change with optimistic locking, retrying on conflict; empty when the change decided to do nothing. */
  private Optional<WinBackPlan> change(String planId, Function<WinBackPlan, Optional<PlanEdit>> changeOf) {
    WinBackPlan first = store.find(planId).orElseThrow(() -> new IllegalStateException("plan vanished: " + planId));
    ReentrantLock lock = locks.of(first.customer().id());
    lock.lock();
    try {
      for (int attempt = 0; attempt < MAX_UPDATE_ATTEMPTS; attempt++) {
        WinBackPlan current = attempt == 0 ? first : store.find(planId).orElseThrow();
        Optional<PlanEdit> edit = changeOf.apply(current);
        if (edit.isEmpty()) {
          return Optional.empty();
        }
        PlanEdit.Change change = edit.get().build();
        if (store.update(change.plan(), change.events())) {
          publish(change.events());
          return Optional.of(change.plan());
        }
      }
    } finally {
      lock.unlock();
    }
    throw new ConcurrentUpdateException(planId, MAX_UPDATE_ATTEMPTS);
  }

  private JournalEvent startEvent(WinBackPlan plan, Instant now) {
    return event(plan, now, EventType.PLAN_STARTED)
        .detail("rule '" + plan.rule() + "' chose " + plan.steps().size() + " steps")
        .build();
  }

  private static JournalEvent.Builder event(WinBackPlan plan, Instant now, EventType type) {
    return JournalEvent.builder().customerId(plan.customer().id()).planId(plan.id()).at(now).type(type);
  }

  private void publish(List<JournalEvent> events) {
    for (JournalEvent event : events) {
      for (WinBackListener listener : listeners) {
        try {
          listener.onEvent(event);
        } catch (RuntimeException e) {
          LOG.warn("Listener {} threw {} on {}", listener.getClass().getName(), e.getClass().getName(), event.type());
        }
      }
      if (ACTIVITY_TYPES.contains(event.type())) {
        try {
          activities.write(new Activity(event.customerId(), event.planId(), event.at(), event.type(),
              event.stepKind(), event.channel(), event.detail()));
        } catch (Exception e) {
          LOG.warn("Activity writer threw {} on {}", e.getClass().getName(), event.type());
        }
      }
    }
  }

  /**
   * Configures a {@link WinBack}. Every option may be set once; setting one twice fails, so a wiring mistake shows at
   * once. Not thread-safe.
   */
  public static final class Builder {
    private Clock clock;
    private Playbook playbook;
    private PlanStore store;
    private FeedbackStrategy feedback;
    private ApologyStrategy apology;
    private IncentiveStrategy incentives;
    private ReEngagementStrategy reEngagement;
    private ActivityWriter activities;
    private final List<WinBackListener> listeners = new ArrayList<>();
    private ReasonClassifier classifier;
    private int batchSize;
    private SuppressionList suppressionList;
    private ContactPolicy contactPolicy;
    private ReactivationTokens tokens;
    private Experiment experiment;
    private String nodeId;
    private Duration lease;
    private Duration stepTimeout;

    private Builder() {}

    private static <T> T once(T current, T value, String option) {
      Objects.requireNonNull(value, option);
      if (current != null) {
        throw new ConfigurationException(option + " is already set to " + current);
      }
      return value;
    }

    /**
     * Sets the clock; the system clock in UTC unless set. Tests use a {@link ManualClock}.
     *
     * @param clock the clock
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder clock(Clock clock) {
      this.clock = once(this.clock, clock, "clock");
      return this;
    }

    /**
     * Sets the playbook; {@link Playbook#standard()} unless set.
     *
     * @param playbook the playbook
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder playbook(Playbook playbook) {
      this.playbook = once(this.playbook, playbook, "playbook");
      return this;
    }

    /**
     * Sets where plans and journals are kept; {@link PlanStore#inMemory()} unless set.
     *
     * @param store the store
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder store(PlanStore store) {
      this.store = once(this.store, store, "store");
      return this;
    }

    /**
     * Sets the strategy for feedback requests.
     *
     * @param strategy the strategy
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder feedback(FeedbackStrategy strategy) {
      this.feedback = once(this.feedback, strategy, "feedback strategy");
      return this;
    }

    /**
     * Sets the strategy for apologies.
     *
     * @param strategy the strategy
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder apology(ApologyStrategy strategy) {
      this.apology = once(this.apology, strategy, "apology strategy");
      return this;
    }

    /**
     * Sets the strategy for incentive offers.
     *
     * @param strategy the strategy
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder incentives(IncentiveStrategy strategy) {
      this.incentives = once(this.incentives, strategy, "incentive strategy");
      return this;
    }

    /**
     * Sets the strategy for re-engagement, follow-up, thank-you, second-chance and goodbye steps.
     *
     * @param strategy the strategy
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder reEngagement(ReEngagementStrategy strategy) {
      this.reEngagement = once(this.reEngagement, strategy, "re-engagement strategy");
      return this;
    }

    /**
     * Sets where activities are written back to the host's CRM; nowhere unless set.
     *
     * @param writer the writer
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder activities(ActivityWriter writer) {
      this.activities = once(this.activities, writer, "activity writer");
      return this;
    }

    /**
     * Adds a listener for every journal event; may be called several times.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(WinBackListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Sets how customers' words are classified; {@link ReasonClassifier#keywords()} unless set.
     *
     * @param classifier the classifier
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder reasonClassifier(ReasonClassifier classifier) {
      this.classifier = once(this.classifier, classifier, "reason classifier");
      return this;
    }

    /**
     * Sets the global suppression list; a new in-memory one unless set. Opt-outs and suppressions are added to it,
     * and nobody on it is contacted by any plan.
     *
     * @param list the list
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder suppressionList(SuppressionList list) {
      this.suppressionList = once(this.suppressionList, list, "suppression list");
      return this;
    }

    /**
     * Adds the host's own contact rules, applied after {@link ContactPolicy#standard()} (which always applies), so
     * they can only restrict further. Compose several with {@link ContactPolicy#and(ContactPolicy)}.
     *
     * @param policy the host's policy
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder contactPolicy(ContactPolicy policy) {
      this.contactPolicy = once(this.contactPolicy, policy, "contact policy");
      return this;
    }

    /**
     * Sets the signing keys for reactivation links; without them {@link WinBack#issueReactivationToken} and
     * {@link WinBack#redeem} are unavailable.
     *
     * @param reactivationTokens the tokens
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder reactivationTokens(ReactivationTokens reactivationTokens) {
      this.tokens = once(this.tokens, reactivationTokens, "reactivation tokens");
      return this;
    }

    /**
     * Runs an experiment: each new customer is assigned to one of its arms (holdout, variants, default).
     *
     * @param experiment the experiment
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder experiment(Experiment experiment) {
      this.experiment = once(this.experiment, experiment, "experiment");
      return this;
    }

    /**
     * Names this engine's runner for the claims it takes on a shared store; a random id unless set. Give every node
     * its own.
     *
     * @param id the node's id, 1 to 100 characters
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder nodeId(String id) {
      if (id.isBlank() || id.length() > 100) {
        throw new IllegalArgumentException("a node id has 1 to 100 characters");
      }
      this.nodeId = once(this.nodeId, id, "node id");
      return this;
    }

    /**
     * Sets how long a claim on due plans lasts before other runners may take them over (it is extended while this
     * runner works); 5 minutes unless set. A shorter lease recovers the work of a dead node sooner.
     *
     * @param duration the lease, positive
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder lease(Duration duration) {
      if (duration.isNegative() || duration.isZero()) {
        throw new IllegalArgumentException("a lease must be positive: " + duration);
      }
      this.lease = once(this.lease, duration, "lease");
      return this;
    }

    /**
     * Sets how long a strategy may take before its step counts as failed (and is retried); strategies then run on
     * their own threads and are interrupted on timeout. Unbounded unless set.
     *
     * @param timeout the timeout, positive
     * @return this builder
     * @throws ConfigurationException when already set
     */
    public Builder stepTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("a step timeout must be positive: " + timeout);
      }
      this.stepTimeout = once(this.stepTimeout, timeout, "step timeout");
      return this;
    }

    /**
     * Sets how many due steps {@link WinBack#runDue()} takes from the store at a time; 500 unless set.
     *
     * @param size the batch size, at least 1
     * @return this builder
     * @throws ConfigurationException when already set
     * @throws IllegalArgumentException when less than 1
     */
    public Builder batchSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("batch size must be at least 1: " + size);
      }
      if (batchSize != 0) {
        throw new ConfigurationException("batch size is already set to " + batchSize);
      }
      this.batchSize = size;
      return this;
    }

    /**
     * Builds the engine.
     *
     * @return the engine, immutable and thread-safe
     * @throws ConfigurationException when a step kind the playbook uses has no strategy registered
     * @throws InvalidPlaybookException when {@link PlanLint} finds an error in the playbook
     */
    public WinBack build() {
      Playbook chosen = playbook == null ? Playbook.standard() : playbook;
      Set<String> missing = new TreeSet<>();
      List<PlaybookRule> allRules = new ArrayList<>(chosen.rules());
      if (experiment != null) {
        experiment.variantPlaybooks().forEach(variant -> allRules.addAll(variant.rules()));
      }
      for (PlaybookRule rule : allRules) {
        for (StepTemplate template : rule.steps()) {
          String strategy = switch (template.kind()) {
            case FEEDBACK_REQUEST -> feedback == null ? "feedback(FeedbackStrategy)" : null;
            case APOLOGY -> apology == null ? "apology(ApologyStrategy)" : null;
            case INCENTIVE_OFFER -> incentives == null ? "incentives(IncentiveStrategy)" : null;
            default -> reEngagement == null ? "reEngagement(ReEngagementStrategy)" : null;
          };
          if (strategy != null) {
            missing.add(strategy);
          }
        }
      }
      if (!missing.isEmpty()) {
        throw new ConfigurationException("Playbook '" + chosen.name() + "' has steps with no strategy to carry them "
            + "out; register " + String.join(", ", missing) + " (use the interface's none() to skip such steps)");
      }
      if (playbook == null) {
        playbook = chosen;
      }
      return new WinBack(this);
    }
  }
}
