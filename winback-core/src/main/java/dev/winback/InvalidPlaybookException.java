package dev.winback;

import java.util.List;

/**
 * A playbook that cannot be used: a rule that can never match, a step in the wrong place, a customer no rule
 * covers. Raised when the playbook is built or loaded, never later while plans run. Fix the playbook definition.
 */
public final class InvalidPlaybookException extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param problems every problem found in the playbook
   */
  public InvalidPlaybookException(List<Problem> problems) {
    super("Playbook", problems);
  }
}
