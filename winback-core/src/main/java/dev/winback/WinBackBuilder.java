package dev.winback;

import dev.winback.internal.StepStrategies;
import dev.winback.model.Playbook;
import dev.winback.spi.ActivityWriter;
import dev.winback.spi.AddressFingerprints;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.PlanStore;
import dev.winback.spi.ReEngagementStrategy;
import dev.winback.spi.ReasonClassifier;
import dev.winback.spi.StepObserver;
import dev.winback.spi.SuppressionList;
import dev.winback.spi.WinBackListener;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Configures a {@link WinBack}: get one from {@link WinBack#builder()}. Every option may be set once; setting one
 * twice fails, so a wiring mistake shows at once. {@link #build()} copies the options into an immutable engine. Not
 * thread-safe.
 */
public final class WinBackBuilder {
  private static final Logger LOG = LoggerFactory.getLogger(WinBackBuilder.class);
  private @Nullable Clock clock;
  private @Nullable Playbook playbook;
  private @Nullable PlanStore store;
  private @Nullable FeedbackStrategy feedback;
  private @Nullable ApologyStrategy apology;
  private @Nullable IncentiveStrategy incentives;
  private @Nullable ReEngagementStrategy reEngagement;
  private @Nullable ActivityWriter activities;
  private final List<WinBackListener> listeners = new ArrayList<>();
  private final List<StepObserver> observers = new ArrayList<>();
  private @Nullable ReasonClassifier classifier;
  private int batchSize;
  private @Nullable SuppressionList suppressionList;
  private @Nullable ContactPolicy contactPolicy;
  private @Nullable ReactivationTokens tokens;
  private @Nullable URI customerPages;
  private @Nullable Experiment experiment;
  private @Nullable String nodeId;
  private @Nullable Duration lease;
  private @Nullable Duration stepTimeout;
  private @Nullable String defaultRegion;
  private @Nullable ZoneId defaultZone;

  WinBackBuilder() {}

  private static <T> T once(@Nullable T current, T value, String option) {
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
  public WinBackBuilder clock(Clock clock) {
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
  public WinBackBuilder playbook(Playbook playbook) {
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
  public WinBackBuilder store(PlanStore store) {
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
  public WinBackBuilder feedback(FeedbackStrategy strategy) {
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
  public WinBackBuilder apology(ApologyStrategy strategy) {
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
  public WinBackBuilder incentives(IncentiveStrategy strategy) {
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
  public WinBackBuilder reEngagement(ReEngagementStrategy strategy) {
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
  public WinBackBuilder activities(ActivityWriter writer) {
    this.activities = once(this.activities, writer, "activity writer");
    return this;
  }

  /**
   * Adds a listener for every journal event; may be called several times.
   *
   * @param listener the listener
   * @return this builder
   */
  public WinBackBuilder listener(WinBackListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
    return this;
  }

  /**
   * Adds an observer around every strategy call (timing, tracing); may be called several times, the first added
   * outermost.
   *
   * @param observer the observer
   * @return this builder
   */
  public WinBackBuilder stepObserver(StepObserver observer) {
    observers.add(Objects.requireNonNull(observer, "observer"));
    return this;
  }

  /**
   * Sets how customers' words are classified; {@link ReasonClassifier#keywords()} unless set. Whatever it answers,
   * an irreversible category (deceased, legal hold, do not contact) read from free text is only journalled as a
   * suggestion: it never changes whom the engine contacts.
   *
   * @param classifier the classifier
   * @return this builder
   * @throws ConfigurationException when already set
   */
  public WinBackBuilder reasonClassifier(ReasonClassifier classifier) {
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
  public WinBackBuilder suppressionList(SuppressionList list) {
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
  public WinBackBuilder contactPolicy(ContactPolicy policy) {
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
  public WinBackBuilder reactivationTokens(ReactivationTokens reactivationTokens) {
    this.tokens = once(this.tokens, reactivationTokens, "reactivation tokens");
    return this;
  }

  /**
   * Sets where the customer pages are mounted (see {@code winback-web}): every message then carries signed,
   * expiring links to them, each bound to its purpose: {@code <base>/survey}, {@code <base>/come-back} and
   * {@code <base>/unsubscribe}, answered through {@link WinBack#links()}. Needs {@link #reactivationTokens}.
   *
   * @param base the pages' absolute http(s) address, without query or fragment
   * @return this builder
   * @throws ConfigurationException when already set, or not such an address
   */
  public WinBackBuilder customerPages(URI base) {
    Objects.requireNonNull(base, "base");
    if (!base.isAbsolute()
        || !("https".equals(base.getScheme()) || "http".equals(base.getScheme()))
        || base.getHost() == null
        || base.getRawQuery() != null
        || base.getRawFragment() != null) {
      throw new ConfigurationException(
          "customer pages need an absolute http(s) address without query or fragment, not " + base);
    }
    this.customerPages = once(this.customerPages, base, "customer pages");
    return this;
  }

  /**
   * Runs an experiment: each new customer is assigned to one of its arms (holdout, variants, default).
   *
   * @param experiment the experiment
   * @return this builder
   * @throws ConfigurationException when already set
   */
  public WinBackBuilder experiment(Experiment experiment) {
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
  public WinBackBuilder nodeId(String id) {
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
  public WinBackBuilder lease(Duration duration) {
    if (duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException("a lease must be positive: " + duration);
    }
    this.lease = once(this.lease, duration, "lease");
    return this;
  }

  /**
   * Sets how long a strategy may take before its step counts as failed (and is retried); strategies then run on
   * threads of a pool of at most 32 and are interrupted on timeout. A strategy may call back into the engine (e.g.
   * {@link WinBack#issueReactivationToken}) without waiting for its own step. Unbounded unless set.
   *
   * @param timeout the timeout, positive
   * @return this builder
   * @throws ConfigurationException when already set
   */
  public WinBackBuilder stepTimeout(Duration timeout) {
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("a step timeout must be positive: " + timeout);
    }
    this.stepTimeout = once(this.stepTimeout, timeout, "step timeout");
    return this;
  }

  /**
   * Sets the region whose numbering plan reads phone numbers written without a country code (e.g. {@code GB}, so
   * that {@code 020 7946 0000} and {@code +44 20 7946 0000} are one number on the suppression list); the country of
   * each customer's locale unless set, and none when the locale names no country.
   *
   * @param region an ISO 3166-1 alpha-2 region code that libphonenumber knows
   * @return this builder
   * @throws ConfigurationException when already set
   * @throws IllegalArgumentException when libphonenumber knows no such region
   */
  public WinBackBuilder defaultRegion(String region) {
    AddressFingerprints.requireRegion(region);
    this.defaultRegion = once(this.defaultRegion, region, "default region");
    return this;
  }

  /**
   * Sets the business's time zone, which times the messages of customers who have none of their own (quiet hours,
   * allowed hours, contract ends). Without it those customers are timed in UTC, and {@link #build()} logs a warning.
   *
   * @param zone the zone, e.g. {@code ZoneId.of("America/New_York")}
   * @return this builder
   * @throws ConfigurationException when already set
   */
  public WinBackBuilder defaultZone(ZoneId zone) {
    this.defaultZone = once(this.defaultZone, zone, "default zone");
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
  public WinBackBuilder batchSize(int size) {
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
   * <p>A missing {@link #defaultZone} is not an error (an engine whose customers all carry their zone needs none),
   * but it is logged as a warning, since customers without a zone are then timed in UTC.
   *
   * @return the engine, immutable and thread-safe; close it when done
   * @throws ConfigurationException when a step kind the playbook uses has no strategy registered
   * @throws InvalidPlaybookException when {@link PlanLint} finds an error in the playbook
   */
  public WinBack build() {
    Playbook chosen = playbook == null ? Playbook.standard() : playbook;
    List<PlanLint.Finding> warnings = PlanLint.requireNoErrors(chosen, tokens != null);
    List<Playbook> all = new ArrayList<>(List.of(chosen));
    if (experiment != null) {
      experiment.variantPlaybooks().forEach(variant -> {
        PlanLint.requireNoErrors(variant);
        all.add(variant);
      });
    }
    StepStrategies strategies = new StepStrategies(
        Optional.ofNullable(feedback),
        Optional.ofNullable(apology),
        Optional.ofNullable(incentives),
        Optional.ofNullable(reEngagement));
    Set<String> missing = strategies.missingFor(all);
    if (!missing.isEmpty()) {
      throw new ConfigurationException("Playbook '" + chosen.name()
          + "' has steps with no strategy to carry them " + "out; register "
          + String.join(", ", missing) + " (use the interface's none() to skip such steps)");
    }
    if (defaultZone == null) {
      LOG.warn(
          "No default time zone: customers without a time zone of their own are timed in UTC (quiet hours,"
              + " allowed hours, contract ends), which is the night in the Americas and Asia; set the business's zone"
              + " with WinBack.builder().defaultZone(...)");
    }
    if (customerPages != null && tokens == null) {
      throw new ConfigurationException(
          "customer pages need signed links: set reactivationTokens(...) on the builder too");
    }
    SuppressionList list = suppressionList == null ? SuppressionList.inMemory() : suppressionList;
    return new WinBack(new EngineConfig(
        clock == null ? Clock.systemUTC() : clock,
        chosen,
        warnings,
        store == null ? PlanStore.inMemory() : store,
        strategies,
        List.copyOf(listeners),
        List.copyOf(observers),
        activities == null ? ActivityWriter.none() : activities,
        classifier == null ? ReasonClassifier.keywords() : classifier,
        batchSize == 0 ? 500 : batchSize,
        defaultRegion == null ? list : new HomeRegionList(list, defaultRegion),
        contactPolicy == null
            ? ContactPolicy.standard()
            : ContactPolicy.standard().and(contactPolicy),
        Optional.ofNullable(tokens),
        Optional.ofNullable(customerPages),
        Optional.ofNullable(experiment),
        nodeId == null ? "node-" + UUID.randomUUID() : nodeId,
        lease == null ? Duration.ofMinutes(5) : lease,
        Optional.ofNullable(stepTimeout),
        defaultZone == null ? ZoneId.of("UTC") : defaultZone));
  }
}
