package dev.winback.model;

/** Where a win-back plan stands, and how it ended. */
public enum PlanStatus {
  /** Steps are still to run. */
  ACTIVE,
  /** The customer came back. */
  WON_BACK,
  /** The customer said no. */
  DECLINED,
  /** Every step ran and the customer never answered. */
  UNRESPONSIVE,
  /** The customer asked not to be contacted. */
  OPTED_OUT,
  /** The customer must not be contacted (deceased, legal hold, no consent on any channel). */
  SUPPRESSED,
  /** A step failed and the playbook says to stop. */
  HALTED,
  /** A newer loss of the same customer started a new plan. */
  SUPERSEDED,
  /** An operator ended the plan; the journal names who and why. */
  CLOSED,
  /**
   * WinBack could not go on with the plan (its record could not be read, or working on it failed in a way a retry
   * cannot mend): it is out of the due order, journalled, and waits for an operator; nobody is contacted by it.
   */
  QUARANTINED;

  /**
   * Tells whether the plan is still running.
   *
   * @return true only for {@link #ACTIVE}
   */
  public boolean isActive() {
    return this == ACTIVE;
  }
}
