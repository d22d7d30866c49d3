package dev.winback;

import dev.winback.model.Limits;
import dev.winback.model.Playbook;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A controlled experiment on win-back plans, so a team can prove a playbook works: each lost customer is assigned
 * to an arm by a hash of the experiment's name and their id, so the assignment is the same on every node and after
 * every restart. Arms are a holdout (no contact, to measure what happens without win-back), variants (another
 * playbook, e.g. a different thank-you), and the default arm (the engine's playbook) for the remaining share.
 *
 * <pre>{@code
 * Experiment experiment = Experiment.named("thank-you-2026")
 *     .holdout(0.10)
 *     .variant("short-thank-you", 0.45, shortPlaybook)
 *     .build();
 * WinBack.builder().experiment(experiment)...
 * }</pre>
 *
 * Customers who must not be contacted at all are never enrolled. Immutable and thread-safe.
 */
public final class Experiment {
  /** The arm that receives no contact. */
  public static final String HOLDOUT = "holdout";
  /** The arm that receives the engine's own playbook. */
  public static final String DEFAULT = "default";

  /** One arm: its name, its share of customers and its playbook (none for the holdout). */
  record Arm(String name, double share, Optional<Playbook> playbook) {}

  private final String name;
  private final List<Arm> arms;

  private Experiment(String name, List<Arm> arms) {
    this.name = name;
    this.arms = List.copyOf(arms);
  }

  /**
   * Starts defining an experiment.
   *
   * @param name the experiment's name; changing it reshuffles every assignment
   * @return a builder
   * @throws IllegalArgumentException when the name is blank
   * @throws InvalidInputException when the name is not within {@link Limits#MAX_NAME_LENGTH} or holds a control
   *     character or an unpaired surrogate
   */
  public static Builder named(String name) {
    return new Builder(name);
  }

  /**
   * The experiment's name.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  /**
   * The names of the arms, holdout and variants first, {@link #DEFAULT} last.
   *
   * @return the arm names
   */
  public List<String> arms() {
    return arms.stream().map(Arm::name).toList();
  }

  /**
   * The arm a customer belongs to: stable for the same experiment name and customer id.
   *
   * @param customerId the customer
   * @return the arm's name
   */
  public String assign(String customerId) {
    double bucket = bucket(name, customerId);
    double cumulative = 0;
    for (Arm arm : arms) {
      cumulative += arm.share();
      if (bucket < cumulative) {
        return arm.name();
      }
    }
    return DEFAULT;
  }

  Optional<Playbook> playbookOf(String arm) {
    return arms.stream().filter(a -> a.name().equals(arm)).findFirst().flatMap(Arm::playbook);
  }

  List<Playbook> variantPlaybooks() {
    return arms.stream().map(Arm::playbook).flatMap(Optional::stream).toList();
  }

  /** A number in [0, 1) from the first 8 bytes of SHA-256(name + ":" + customer id). */
  static double bucket(String experiment, String customerId) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest((experiment + ":" + customerId).getBytes(StandardCharsets.UTF_8));
      long bits = 0;
      for (int i = 0; i < 8; i++) {
        bits = bits << 8 | (digest[i] & 0xff);
      }
      return (bits >>> 11) * 0x1.0p-53;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "Experiment[" + name + ", arms="
        + arms.stream().map(a -> a.name() + "=" + a.share()).toList() + "]";
  }

  /** Defines an {@link Experiment}; arguments are checked at once. Not thread-safe. */
  public static final class Builder {
    private final String name;
    private final List<Arm> arms = new ArrayList<>();
    private double total;

    private Builder(String name) {
      if (Objects.requireNonNull(name, "name").isBlank()) {
        throw new IllegalArgumentException("an experiment needs a name");
      }
      this.name = Limits.requireValidName("name", name);
    }

    /**
     * Holds a share of customers out of all contact.
     *
     * @param share the share, above 0
     * @return this builder
     * @throws IllegalArgumentException when the share is not above 0 or the shares exceed 1
     */
    public Builder holdout(double share) {
      return add(new Arm(HOLDOUT, share, Optional.empty()));
    }

    /**
     * Gives a share of customers another playbook.
     *
     * @param arm the arm's name
     * @param share the share, above 0
     * @param playbook the playbook for the arm
     * @return this builder
     * @throws IllegalArgumentException when the name is taken or reserved, or the shares exceed 1
     * @throws InvalidInputException when the name is not within {@link Limits#MAX_NAME_LENGTH} or holds a control
     *     character or an unpaired surrogate
     */
    public Builder variant(String arm, double share, Playbook playbook) {
      Objects.requireNonNull(playbook, "playbook");
      if (arm.isBlank() || arm.equals(HOLDOUT) || arm.equals(DEFAULT)) {
        throw new IllegalArgumentException("'" + arm + "' cannot name a variant");
      }
      Limits.requireValidName("arm", arm);
      return add(new Arm(arm, share, Optional.of(playbook)));
    }

    private Builder add(Arm arm) {
      if (!(arm.share() > 0) || total + arm.share() > 1 + 1e-9) {
        throw new IllegalArgumentException("arm shares must be above 0 and add up to at most 1");
      }
      if (arms.stream().anyMatch(a -> a.name().equals(arm.name()))) {
        throw new IllegalArgumentException("arm '" + arm.name() + "' is already defined");
      }
      arms.add(arm);
      total += arm.share();
      return this;
    }

    /**
     * Builds the experiment; the share left over goes to the {@link #DEFAULT} arm.
     *
     * @return the experiment
     */
    public Experiment build() {
      List<Arm> all = new ArrayList<>(arms);
      if (total < 1) {
        all.add(new Arm(DEFAULT, 1 - total, Optional.empty()));
      }
      return new Experiment(name, all);
    }
  }
}
