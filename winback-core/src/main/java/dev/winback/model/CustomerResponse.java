package dev.winback.model;

/** How a customer answered a win-back step. */
public enum CustomerResponse {
  /** They answered and are open to talk; the plan goes on. */
  ENGAGED,
  /** They said no; the plan ends as {@link PlanStatus#DECLINED}. */
  DECLINED,
  /** They came back; the plan ends as {@link PlanStatus#WON_BACK}. */
  CAME_BACK
}
