package dev.winback.spi;

import dev.winback.model.JournalEvent;
import dev.winback.model.WinBackPlan;
import java.util.List;
import java.util.Objects;

/**
 * A new version of a plan and the journal events that describe the change, stored together or not at all.
 *
 * @param plan the new version (its version is the stored one plus one)
 * @param events the events
 */
public record PlanChange(WinBackPlan plan, List<JournalEvent> events) {
  /**
   * Checks both parts are present.
   *
   * @param plan the new version
   * @param events the events
   */
  public PlanChange {
    Objects.requireNonNull(plan, "plan");
    events = List.copyOf(events);
  }
}
