package dev.winback;

import dev.winback.model.Channel;
import dev.winback.model.Consent;
import dev.winback.model.ContactPurpose;
import dev.winback.model.CustomerResponse;
import dev.winback.model.Feedback;
import dev.winback.model.JournalEvent;
import dev.winback.model.Limits;
import dev.winback.model.LostCustomer;
import dev.winback.model.PlanStatus;
import dev.winback.model.Playbook;
import dev.winback.model.Suppression;
import dev.winback.model.WinBackPlan;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The win-back engine: chooses a plan for each lost customer from a {@link Playbook}, runs its steps through the
 * host's strategies as they fall due, and records everything that happens in the customer's journal.
 *
 * <pre>{@code
 * try (WinBack winBack = WinBack.builder()
 *     .feedback(myFeedback).apology(myApology).incentives(myIncentives).reEngagement(myMailer)
 *     .build()) {
 *   winBack.start(lostCustomer);
 *   winBack.runDue(); // from the host's scheduler, e.g. every few minutes
 * }
 * }</pre>
 *
 * <p><b>Guarantee:</b> every due step is invoked at least once; again only after a crash, a lapsed lease or a store
 * failure before its result was recorded, and then always with the same idempotency key. No step starts, on any node
 * sharing the store, after an opt-out, suppression, erasure or decline of its customer has returned: each step is
 * checked a last time (consent, suppression, caps, quiet hours, by the clock at that moment) inside the customer's
 * {@linkplain dev.winback.spi.CustomerFence fence}.
 *
 * <p>Built once with {@link #builder()}, immutable and thread-safe afterwards: any number of threads may call any
 * method at once. Whatever a host callback throws stays with its customer. {@link #close()} stops the engine's
 * threads and runners.
 */
public final class WinBack implements AutoCloseable {
  private final EngineConfig config;
  private final Engine engine;
  private final Set<Runner> runners = ConcurrentHashMap.newKeySet();
  private final Operations operations;

  WinBack(EngineConfig config) {
    this.config = config;
    this.engine = new Engine(config);
    this.operations =
        new Operations(config.clock(), config.store(), engine.writer, engine.decisions);
  }

  /**
   * Starts configuring an engine.
   *
   * @return a new builder
   */
  public static WinBackBuilder builder() {
    return new WinBackBuilder();
  }

  /**
   * The playbook this engine chooses plans from.
   *
   * @return the playbook
   */
  public Playbook playbook() {
    return config.playbook();
  }

  /**
   * What {@link PlanLint} warns about in the playbook (errors would have stopped {@link WinBackBuilder#build()}).
   *
   * @return the warnings, often empty
   */
  public List<PlanLint.Finding> playbookWarnings() {
    return config.playbookWarnings();
  }

  /**
   * Chooses the plan a customer would get now, without storing anything or contacting anyone.
   *
   * @param customer the lost customer
   * @return the plan that {@link #start} would start
   */
  public WinBackPlan preview(LostCustomer customer) {
    Objects.requireNonNull(customer, "customer");
    return engine.chooser.planFor(customer, config.clock().instant()).plan();
  }

  /**
   * Chooses a plan for a lost customer and stores it; its steps run as they fall due. Idempotent: starting the same
   * loss (same customer id and {@code lostAt}) again returns the plan already stored. A new loss of a customer whose
   * earlier plan is still active ends that plan as {@link PlanStatus#SUPERSEDED} in the same decision, so a
   * customer never has two active plans, even when nodes start losses for them at once.
   *
   * @param customer the lost customer
   * @return the stored plan, already ended as {@link PlanStatus#SUPPRESSED} when the customer must not be contacted
   */
  public WinBackPlan start(LostCustomer customer) {
    return engine.decisions.start(customer);
  }

  /**
   * Records what a customer told us about why they left. Their words are classified into a category (unless the
   * feedback has one), feedback-anchored steps move to count from now, and when the reason calls for a different
   * playbook rule (e.g. the fault turns out to be ours) the plan's future steps are replaced by that rule's.
   *
   * @param customerId the customer
   * @param feedback what they said
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   * @throws InvalidInputException when the id is not a valid customer id (see {@link
   *     dev.winback.model.Limits})
   */
  public WinBackPlan recordFeedback(String customerId, Feedback feedback) {
    return engine.decisions.recordFeedback(customerId, feedback);
  }

  /**
   * Records how a customer answered: {@link CustomerResponse#DECLINED} and {@link CustomerResponse#CAME_BACK} end
   * the plan at once; {@link CustomerResponse#ENGAGED} is noted and the plan goes on.
   *
   * @param customerId the customer
   * @param response the answer
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   * @throws InvalidInputException when the id is not a valid customer id (see {@link
   *     dev.winback.model.Limits})
   */
  public WinBackPlan recordResponse(String customerId, CustomerResponse response) {
    return engine.decisions.recordResponse(customerId, response);
  }

  /**
   * Records that a customer came back; the plan ends as {@link PlanStatus#WON_BACK} and nothing more is sent.
   *
   * @param customerId the customer
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   * @throws InvalidInputException when the id is not a valid customer id (see {@link
   *     dev.winback.model.Limits})
   */
  public WinBackPlan markWonBack(String customerId) {
    return recordResponse(customerId, CustomerResponse.CAME_BACK);
  }

  /**
   * Records that a customer asked not to be contacted: consent is withdrawn on every contact point, the plan ends as
   * {@link PlanStatus#OPTED_OUT} and the customer goes on the suppression list, together.
   *
   * @param customerId the customer
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   * @throws InvalidInputException when the id is not a valid customer id (see {@link
   *     dev.winback.model.Limits})
   */
  public WinBackPlan optOut(String customerId) {
    return engine.decisions.optOut(customerId);
  }

  /**
   * Records that a customer must not be contacted at all (they died, a legal hold, a do-not-contact request); the
   * plan ends as {@link PlanStatus#SUPPRESSED} and the customer goes on the suppression list, together.
   *
   * @param customerId the customer
   * @param suppression why
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   * @throws InvalidInputException when the id is not a valid customer id (see {@link
   *     dev.winback.model.Limits})
   */
  public WinBackPlan suppress(String customerId, Suppression suppression) {
    return engine.decisions.suppress(customerId, suppression);
  }

  /**
   * Records a change of consent on a channel for every purpose, with its source, as proof of consent.
   *
   * @param customerId the customer
   * @param channel the channel
   * @param consent the new consent
   * @param source where the change came from (e.g. "preference centre"), free of personal data
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   * @throws InvalidInputException when the id is not a valid customer id (see {@link
   *     dev.winback.model.Limits})
   */
  public WinBackPlan recordConsent(
      String customerId, Channel channel, Consent consent, String source) {
    return engine.decisions.recordConsent(customerId, channel, Optional.empty(), consent, source);
  }

  /**
   * Records a change of consent on a channel for one purpose, with its source, as proof of consent.
   *
   * @param customerId the customer
   * @param channel the channel
   * @param purpose the purpose the consent is for
   * @param consent the new consent
   * @param source where the change came from (e.g. "call with support"), free of personal data
   * @return the plan after the change
   * @throws UnknownCustomerException when the customer has no plan
   * @throws InvalidInputException when the id is not a valid customer id (see {@link
   *     dev.winback.model.Limits})
   */
  public WinBackPlan recordConsent(
      String customerId, Channel channel, ContactPurpose purpose, Consent consent, String source) {
    return engine.decisions.recordConsent(
        customerId, channel, Optional.of(purpose), consent, source);
  }

  /**
   * Issues the opaque token for a customer's "come back" link, for their latest plan and its latest offer.
   *
   * @param customerId the customer
   * @return the token, to put in a link
   * @throws ConfigurationException when no {@link ReactivationTokens} were configured
   * @throws UnknownCustomerException when the customer has no plan
   * @throws InvalidInputException when the id is not a valid customer id (see {@link
   *     dev.winback.model.Limits})
   */
  public String issueReactivationToken(String customerId) {
    return engine.tokens.issue(customerId);
  }

  /**
   * Redeems a reactivation token: checks it (signature in constant time, key, expiry), consumes it and records that
   * the customer came back in one decision (of many concurrent redemptions exactly one succeeds), and returns what
   * the host needs to restore them. A rejected token changes nothing.
   *
   * @param token the token from the link
   * @return what to restore
   * @throws TokenRejectedException saying why, without revealing anything about the token
   * @throws ConfigurationException when no {@link ReactivationTokens} were configured
   */
  public Redemption redeem(String token) {
    return engine.tokens.redeem(token);
  }

  /**
   * Answers the signed links in the messages sent: the exit survey, the way back and one-click unsubscribe.
   *
   * @return the links' answers
   */
  public CustomerLinks links() {
    return new CustomerLinks(engine.tokens);
  }

  /**
   * Erases a customer's personal data (right to erasure): every plan and journal entry is replaced by an anonymous
   * copy under a random id, pending steps are cancelled, reactivation tokens die, and keyed fingerprints of the
   * customer's id and addresses go on the suppression list. Does nothing for an unknown id.
   *
   * @param customerId the customer
   * @throws InvalidInputException when the id is not a valid customer id (see {@link
   *     dev.winback.model.Limits})
   */
  public void erase(String customerId) {
    engine.data.erase(customerId);
  }

  /**
   * Everything WinBack holds about one customer, as JSON (right of access): every plan with its steps, the journal,
   * the contacts made, any suppression, and the raw text of any record the store cannot read.
   *
   * @param customerId the customer
   * @return a JSON document
   * @throws UnknownCustomerException when WinBack holds nothing about the customer
   * @throws InvalidInputException when the id is not a valid customer id (see {@link
   *     dev.winback.model.Limits})
   */
  public String export(String customerId) {
    return engine.data.export(customerId);
  }

  /**
   * Honours the exit terms: erases the data of every customer whose plans have all ended and whose retention period
   * (their own {@link LostCustomer#exitTerms()}, else the playbook's) has passed since they left.
   *
   * @return how many customers' data was erased
   */
  public int eraseDataPastRetention() {
    return engine.data.eraseDataPastRetention();
  }

  /**
   * Runs every step that is due now, one at a time, in batches until none is left. Safe to call from several
   * threads or nodes sharing a store at once. A step whose strategy throws or fails is retried with exponential
   * backoff up to the playbook's attempts; a plan the engine cannot go on with is quarantined.
   *
   * @return what this call did
   */
  public RunSummary runDue() {
    return engine.runner.runDue(() -> true);
  }

  /** Runs due steps while {@code keepGoing} says so: for {@link Runner}. */
  RunSummary runDue(BooleanSupplier keepGoing) {
    return engine.runner.runDue(keepGoing);
  }

  /**
   * Starts a built-in runner for hosts without a scheduler: {@code threads} workers call {@link #runDue()} every
   * {@code interval}. Close the runner (or this engine) to stop it gracefully.
   *
   * @param interval the pause between runs of a worker, positive
   * @param threads how many workers, at least 1
   * @return the running runner
   * @throws IllegalArgumentException when the interval is not positive or threads is less than 1
   */
  public Runner startRunner(Duration interval, int threads) {
    Runner started = new Runner(this, config.clock(), interval, threads);
    runners.add(started);
    return started;
  }

  /**
   * What operators see and may do: the backlog, the funnel, failures, and actions journalled with the operator's name.
   *
   * @return the operations on this engine's store
   */
  public Operations operations() {
    return operations;
  }

  /**
   * The customer's most recent plan.
   *
   * @param customerId the customer
   * @return the plan, if the customer has one
   * @throws InvalidInputException when the id is not a valid customer id (see {@link
   *     dev.winback.model.Limits})
   */
  public Optional<WinBackPlan> plan(String customerId) {
    Limits.requireValidId("customerId", customerId);
    return config.store().latestPlan(customerId);
  }

  /**
   * The customer's journal: every event of every plan, in order.
   *
   * @param customerId the customer
   * @return the events, empty for an unknown customer
   * @throws InvalidInputException when the id is not a valid customer id (see {@link
   *     dev.winback.model.Limits})
   */
  public List<JournalEvent> history(String customerId) {
    Limits.requireValidId("customerId", customerId);
    return config.store().journal(customerId);
  }

  /** Stops the runners this engine started (gracefully) and its strategy threads. */
  @Override
  public void close() {
    runners.forEach(Runner::close);
    engine.calls.close();
  }

  @Override
  public String toString() {
    return "WinBack[" + config + "]";
  }
}
