package dev.winback.testkit;

/**
 * Entry point for assertions that read as retention rules. Import {@code WinBackAssertions.assertThat} statically.
 */
public final class WinBackAssertions {
  private WinBackAssertions() {}

  /**
   * Starts assertions on a customer's timeline.
   *
   * @param timeline the timeline, e.g. {@code simulation.timeline("c1")}
   * @return the assertions
   */
  public static TimelineAssert assertThat(Timeline timeline) {
    return new TimelineAssert(timeline);
  }
}
