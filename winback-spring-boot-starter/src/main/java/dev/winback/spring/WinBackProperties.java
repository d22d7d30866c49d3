package dev.winback.spring;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * The {@code winback.*} properties. Every value is checked when the application starts: a wrong one stops it with a
 * message that names the property. Unset options keep the engine's defaults. Bound once by Spring; not thread-safe
 * while it is bound.
 */
@ConfigurationProperties("winback")
public class WinBackProperties implements Validator {
  private final Runner runner = new Runner();
  private final Store store = new Store();
  private final Reactivation reactivation = new Reactivation();
  private final CustomerPages customerPages = new CustomerPages();
  private final Health health = new Health();
  private final Suppression suppression = new Suppression();

  /** How long a claim on due plans lasts before other nodes may take them over; 5 minutes unless set. */
  private @Nullable Duration lease;

  /** How many due plans one run takes from the store at a time; 500 unless set. */
  private @Nullable Integer batchSize;

  /** The business's time zone, for customers without a zone of their own; UTC (with a warning) unless set. */
  private @Nullable ZoneId defaultZone;

  /** This node's name on claims in a shared store; a random id unless set. Give every node its own. */
  private @Nullable String nodeId;

  /**
   * The runner's options.
   *
   * @return the runner's options
   */
  public Runner getRunner() {
    return runner;
  }

  /**
   * The store's options.
   *
   * @return the store's options
   */
  public Store getStore() {
    return store;
  }

  /**
   * The signing keys of the links in messages.
   *
   * @return the reactivation options
   */
  public Reactivation getReactivation() {
    return reactivation;
  }

  /**
   * Where the customer pages are served.
   *
   * @return the customer pages' options
   */
  public CustomerPages getCustomerPages() {
    return customerPages;
  }

  /**
   * The health indicator's options.
   *
   * @return the health options
   */
  public Health getHealth() {
    return health;
  }

  /**
   * The suppression list's options.
   *
   * @return the suppression options
   */
  public Suppression getSuppression() {
    return suppression;
  }

  /**
   * The lease on claimed plans.
   *
   * @return the lease, null when unset
   */
  public @Nullable Duration getLease() {
    return lease;
  }

  /**
   * Sets the lease on claimed plans.
   *
   * @param lease the lease, positive
   */
  public void setLease(@Nullable Duration lease) {
    this.lease = lease;
  }

  /**
   * The batch size.
   *
   * @return the batch size, null when unset
   */
  public @Nullable Integer getBatchSize() {
    return batchSize;
  }

  /**
   * Sets the batch size.
   *
   * @param batchSize at least 1
   */
  public void setBatchSize(@Nullable Integer batchSize) {
    this.batchSize = batchSize;
  }

  /**
   * The business's time zone.
   *
   * @return the zone, null when unset
   */
  public @Nullable ZoneId getDefaultZone() {
    return defaultZone;
  }

  /**
   * Sets the business's time zone.
   *
   * @param defaultZone a zone id such as {@code Europe/Paris}
   */
  public void setDefaultZone(@Nullable ZoneId defaultZone) {
    this.defaultZone = defaultZone;
  }

  /**
   * This node's id.
   *
   * @return the id, null when unset
   */
  public @Nullable String getNodeId() {
    return nodeId;
  }

  /**
   * Sets this node's id.
   *
   * @param nodeId 1 to 100 characters
   */
  public void setNodeId(@Nullable String nodeId) {
    this.nodeId = nodeId;
  }

  @Override
  public boolean supports(Class<?> type) {
    return WinBackProperties.class.isAssignableFrom(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    WinBackProperties p = (WinBackProperties) target;
    if (!positive(p.runner.interval)) {
      reject(errors, "winback.runner.interval", "must be positive, not " + p.runner.interval);
    }
    if (p.runner.threads < 1) {
      reject(errors, "winback.runner.threads", "must be at least 1, not " + p.runner.threads);
    }
    if (p.lease != null && !positive(p.lease)) {
      reject(errors, "winback.lease", "must be positive, not " + p.lease);
    }
    if (p.batchSize != null && p.batchSize < 1) {
      reject(errors, "winback.batch-size", "must be at least 1, not " + p.batchSize);
    }
    if (p.nodeId != null && (p.nodeId.isBlank() || p.nodeId.length() > 100)) {
      reject(errors, "winback.node-id", "must have 1 to 100 characters and not be blank");
    }
    if (!positive(p.health.maxLag)) {
      reject(errors, "winback.health.max-lag", "must be positive, not " + p.health.maxLag);
    }
    if (p.reactivation.validFor != null && !positive(p.reactivation.validFor)) {
      reject(
          errors,
          "winback.reactivation.valid-for",
          "must be positive, not " + p.reactivation.validFor);
    }
    p.reactivation.keys.forEach((id, secret) -> {
      if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
        reject(
            errors,
            "winback.reactivation.keys",
            "key id '" + id + "' is not 1 to 32 of A-Z a-z 0-9 _ -");
      } else if (decodedLength(secret) < 32) {
        // never the secret itself in the message
        reject(
            errors,
            "winback.reactivation.keys." + id,
            "must be a secret of at least 32 bytes in base64");
      }
    });
    if (p.reactivation.activeKey != null
        && !p.reactivation.keys.containsKey(p.reactivation.activeKey)) {
      reject(
          errors,
          "winback.reactivation.active-key",
          "'" + p.reactivation.activeKey + "' is not one of winback.reactivation.keys");
    }
    if (p.suppression.fingerprintKey != null && decodedLength(p.suppression.fingerprintKey) < 16) {
      reject(
          errors,
          "winback.suppression.fingerprint-key",
          "must be a secret of at least 16 bytes in base64");
    }
    CustomerPages pages = p.customerPages;
    if (pages.csrfSecret != null && decodedLength(pages.csrfSecret) < 32) {
      reject(
          errors,
          "winback.customer-pages.csrf-secret",
          "must be a secret of at least 32 bytes in base64");
    }
    URI url = pages.baseUrl;
    if (url != null
        && (!url.isAbsolute()
            || !("https".equals(url.getScheme()) || "http".equals(url.getScheme()))
            || url.getHost() == null
            || url.getRawQuery() != null
            || url.getRawFragment() != null)) {
      reject(
          errors,
          "winback.customer-pages.base-url",
          "must be an absolute http(s) address without query or fragment, not " + url);
    }
    if (pages.path != null && !pages.path.matches("/|(/[A-Za-z0-9._~-]+)+")) {
      reject(
          errors,
          "winback.customer-pages.path",
          "must be '/' or segments of letters, digits, '.', '_', '~' or '-' after a '/', without a trailing '/'");
    }
  }

  /** Rejects a value with a message that starts with the property's name, as it is written in a properties file. */
  private static void reject(Errors errors, String property, String reason) {
    errors.reject(property, property + " " + reason);
  }

  private static boolean positive(@Nullable Duration duration) {
    return duration != null && !duration.isNegative() && !duration.isZero();
  }

  /** The length of a base64 secret, -1 when it is not base64. */
  static int decodedLength(String base64) {
    try {
      return Base64.getDecoder().decode(base64.strip()).length;
    } catch (IllegalArgumentException e) {
      return -1;
    }
  }

  /** The built-in runner's options: whether it runs, how often and on how many threads. Not thread-safe. */
  public static class Runner {
    /** Whether the built-in runner runs due steps; switch off where another scheduler calls runDue(). */
    private boolean enabled = true;

    /** The pause between two runs on each runner thread. */
    private Duration interval = Duration.ofSeconds(30);

    /** How many threads run due steps. */
    private int threads = 1;

    /**
     * Whether the runner runs.
     *
     * @return true unless switched off
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Switches the runner on or off.
     *
     * @param enabled whether it runs
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The pause between runs.
     *
     * @return the interval
     */
    public Duration getInterval() {
      return interval;
    }

    /**
     * Sets the pause between runs.
     *
     * @param interval positive
     */
    public void setInterval(Duration interval) {
      this.interval = interval;
    }

    /**
     * The number of runner threads.
     *
     * @return the threads
     */
    public int getThreads() {
      return threads;
    }

    /**
     * Sets the number of runner threads.
     *
     * @param threads at least 1
     */
    public void setThreads(int threads) {
      this.threads = threads;
    }
  }

  /** The JDBC store's options. Not thread-safe. */
  public static class Store {
    /** Whether the schema is created or brought up to date at start; switch off when Flyway or Liquibase does it. */
    private boolean migrate = true;

    /**
     * Whether the schema is migrated at start.
     *
     * @return true unless switched off
     */
    public boolean isMigrate() {
      return migrate;
    }

    /**
     * Switches the migration at start on or off.
     *
     * @param migrate whether to migrate
     */
    public void setMigrate(boolean migrate) {
      this.migrate = migrate;
    }
  }

  /** The signing keys of the links in messages (come back, survey, unsubscribe). Not thread-safe. */
  public static class Reactivation {
    /** Signing keys by id (1 to 32 of A-Z a-z 0-9 _ -), each a base64 secret of at least 32 bytes. */
    private Map<String, String> keys = new LinkedHashMap<>();

    /** The key new links are signed with; the last one listed unless set. */
    private @Nullable String activeKey;

    /** How long a new link stays valid; 30 days unless set. */
    private @Nullable Duration validFor;

    /**
     * The keys by id.
     *
     * @return the keys, base64
     */
    public Map<String, String> getKeys() {
      return keys;
    }

    /**
     * Sets the keys.
     *
     * @param keys base64 secrets by id
     */
    public void setKeys(Map<String, String> keys) {
      this.keys = new LinkedHashMap<>(keys);
    }

    /**
     * The active key's id.
     *
     * @return the id, null when unset
     */
    public @Nullable String getActiveKey() {
      return activeKey;
    }

    /**
     * Sets the active key.
     *
     * @param activeKey one of the keys' ids
     */
    public void setActiveKey(@Nullable String activeKey) {
      this.activeKey = activeKey;
    }

    /**
     * How long links stay valid.
     *
     * @return the validity, null when unset
     */
    public @Nullable Duration getValidFor() {
      return validFor;
    }

    /**
     * Sets how long links stay valid.
     *
     * @param validFor positive
     */
    public void setValidFor(@Nullable Duration validFor) {
      this.validFor = validFor;
    }

    @Override
    public String toString() {
      return "Reactivation[keys=" + keys.keySet() + "]";
    }
  }

  /** Where the customer pages (winback-web) are served and linked to. Not thread-safe. */
  public static class CustomerPages {
    /** The pages' public address, which the links in messages point to, e.g. https://shop.example/customer. */
    private @Nullable URI baseUrl;

    /** The path this application serves the pages under; the base URL's path unless set. */
    private @Nullable String path;

    /** The secret the pages' forms are signed with: base64, at least 32 bytes, the same on every node. */
    private @Nullable String csrfSecret;

    /**
     * The pages' public address.
     *
     * @return the address, null when the pages are not served
     */
    public @Nullable URI getBaseUrl() {
      return baseUrl;
    }

    /**
     * Sets the pages' public address.
     *
     * @param baseUrl an absolute http(s) address
     */
    public void setBaseUrl(@Nullable URI baseUrl) {
      this.baseUrl = baseUrl;
    }

    /**
     * The path the pages are served under.
     *
     * @return the path, null when unset
     */
    public @Nullable String getPath() {
      return path;
    }

    /**
     * Sets the path the pages are served under.
     *
     * @param path e.g. {@code /customer}
     */
    public void setPath(@Nullable String path) {
      this.path = path;
    }

    /**
     * The forms' secret.
     *
     * @return the secret, base64, null when unset
     */
    public @Nullable String getCsrfSecret() {
      return csrfSecret;
    }

    /**
     * Sets the forms' secret.
     *
     * @param csrfSecret base64, at least 32 bytes
     */
    public void setCsrfSecret(@Nullable String csrfSecret) {
      this.csrfSecret = csrfSecret;
    }

    /**
     * The path to serve the pages under: the one set, else the base URL's path, else {@code /}.
     *
     * @return the path
     */
    String servedPath() {
      if (path != null) {
        return path;
      }
      String fromUrl = baseUrl == null ? null : baseUrl.getRawPath();
      if (fromUrl == null || fromUrl.isEmpty() || fromUrl.equals("/")) {
        return "/";
      }
      return fromUrl.endsWith("/") ? fromUrl.substring(0, fromUrl.length() - 1) : fromUrl;
    }

    @Override
    public String toString() {
      return "CustomerPages[baseUrl=" + baseUrl + ", path=" + path + "]";
    }
  }

  /** The suppression list's options. Not thread-safe. */
  public static class Suppression {
    /**
     * The key (base64, at least 16 bytes, the same on every node) of the fingerprints the suppression list keeps in
     * the database instead of ids and addresses; without it, opt-outs and suppressions are kept in memory only.
     */
    private @Nullable String fingerprintKey;

    /**
     * The fingerprint key.
     *
     * @return the key, base64, null when unset
     */
    public @Nullable String getFingerprintKey() {
      return fingerprintKey;
    }

    /**
     * Sets the fingerprint key.
     *
     * @param fingerprintKey base64, at least 16 bytes
     */
    public void setFingerprintKey(@Nullable String fingerprintKey) {
      this.fingerprintKey = fingerprintKey;
    }

    @Override
    public String toString() {
      return "Suppression[fingerprintKey=" + (fingerprintKey == null ? "unset" : "set") + "]";
    }
  }

  /** The health indicator's options. Not thread-safe. */
  public static class Health {
    /** How far the oldest due step may fall behind before the indicator reports OUT_OF_SERVICE. */
    private Duration maxLag = Duration.ofMinutes(15);

    /**
     * The largest lag that is healthy.
     *
     * @return the lag
     */
    public Duration getMaxLag() {
      return maxLag;
    }

    /**
     * Sets the largest lag that is healthy.
     *
     * @param maxLag positive
     */
    public void setMaxLag(Duration maxLag) {
      this.maxLag = maxLag;
    }
  }
}
