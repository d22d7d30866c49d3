package dev.winback.lapse;

import java.util.Arrays;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * How to fit a model by maximum likelihood: an L2 penalizer and starting values. The penalizer works as in
 * lifetimes: the fit maximises the mean log-likelihood per customer minus {@code penalizer} times the sum of the
 * squared parameters, which shrinks the estimates on small or degenerate data. Immutable and thread-safe.
 */
public final class FitOptions {
  private static final FitOptions DEFAULTS = new FitOptions(new Builder());
  private final double penalizer;
  private final double @Nullable [] start;

  private FitOptions(Builder b) {
    this.penalizer = b.penalizer;
    this.start = b.start;
  }

  /**
   * No penalizer, the standard starting values (every parameter at 1).
   *
   * @return the defaults
   */
  public static FitOptions defaults() {
    return DEFAULTS;
  }

  /**
   * Starts configuring options.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The L2 penalizer coefficient.
   *
   * @return the coefficient, 0 without a penalty
   */
  public double penalizer() {
    return penalizer;
  }

  /**
   * The starting values, in the model's parameter order, when set.
   *
   * @return a copy of the starting values, or empty for the standard ones
   */
  public Optional<double[]> start() {
    return Optional.ofNullable(start).map(double[]::clone);
  }

  @Override
  public String toString() {
    return "FitOptions{penalizer=" + penalizer + ", start="
        + (start == null ? "standard" : Arrays.toString(start)) + "}";
  }

  /** Configures {@link FitOptions}; every option at most once, checked at once. Not thread-safe. */
  public static final class Builder {
    private double penalizer;
    private boolean penalizerSet;
    private double @Nullable [] start;

    private Builder() {}

    /**
     * The L2 penalizer coefficient; 0 (none) unless set.
     *
     * @param coefficient the coefficient, finite and at least 0
     * @return this builder
     * @throws IllegalArgumentException when the coefficient is negative or not finite
     * @throws IllegalStateException when the penalizer was already set
     */
    public Builder penalizer(double coefficient) {
      if (penalizerSet) {
        throw new IllegalStateException("penalizer already set to " + penalizer);
      }
      if (!(coefficient >= 0) || Double.isInfinite(coefficient)) {
        throw new IllegalArgumentException(
            "the penalizer must be finite and at least 0, was " + coefficient);
      }
      this.penalizer = coefficient;
      this.penalizerSet = true;
      return this;
    }

    /**
     * Where the optimiser starts, in the model's parameter order (r, alpha, a, b for BG/NBD); every parameter at 1
     * unless set.
     *
     * @param values the starting values, each finite and positive
     * @return this builder
     * @throws IllegalArgumentException when a value is not finite and positive, or none is given
     * @throws IllegalStateException when the starting values were already set
     */
    public Builder start(double... values) {
      if (start != null) {
        throw new IllegalStateException("start already set to " + Arrays.toString(start));
      }
      if (values.length == 0) {
        throw new IllegalArgumentException("give one starting value per parameter");
      }
      for (double v : values) {
        if (!(v > 0) || Double.isInfinite(v)) {
          throw new IllegalArgumentException(
              "starting values must be finite and positive, was " + v);
        }
      }
      this.start = values.clone();
      return this;
    }

    /**
     * Builds the options.
     *
     * @return the options
     */
    public FitOptions build() {
      return new FitOptions(this);
    }
  }
}
