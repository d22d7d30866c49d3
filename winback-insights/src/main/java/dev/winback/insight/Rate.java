package dev.winback.insight;

import java.util.Objects;

/**
 * How often something succeeded in a group, with its 95% Wilson score interval.
 *
 * @param group the group, e.g. {@code PRICE} or {@code EMAIL}
 * @param successes how many succeeded (e.g. were won back)
 * @param trials how many were in the group
 * @param interval the 95% Wilson interval of the rate
 */
public record Rate(String group, long successes, long trials, Interval interval) {
  /**
   * Checks the parts.
   *
   * @param group the group
   * @param successes the successes
   * @param trials the trials
   * @param interval the interval
   */
  public Rate {
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(interval, "interval");
    if (successes < 0 || successes > trials) {
      throw new IllegalArgumentException("need 0 <= successes <= trials");
    }
  }

  /**
   * A rate with its 95% Wilson interval.
   *
   * @param group the group
   * @param successes the successes
   * @param trials the trials
   * @return the rate
   */
  public static Rate of(String group, long successes, long trials) {
    return new Rate(group, successes, trials, Statistics.wilson(successes, trials, Statistics.Z95));
  }

  /**
   * The observed rate.
   *
   * @return successes / trials, 0 when there are no trials
   */
  public double rate() {
    return trials == 0 ? 0 : (double) successes / trials;
  }
}
