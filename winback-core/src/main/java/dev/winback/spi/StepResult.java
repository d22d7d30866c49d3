package dev.winback.spi;

import dev.winback.model.Limits;
import java.util.Objects;
import java.util.Optional;

/**
 * What a strategy did with a step: {@link Sent}, {@link Skipped} on purpose, or {@link Failed}. A failed step is
 * retried with backoff (as is a strategy that throws) until the playbook's attempts run out.
 *
 * <p>A reference or reason only describes the outcome, so it is never refused: one longer than
 * {@link Limits#MAX_RESULT_TEXT_LENGTH} is cut short to end with {@link Limits#TRUNCATION_MARKER}, and unpaired
 * surrogates and control characters other than tabs and line breaks are replaced by U+FFFD (see
 * {@link Limits#truncate(String, int)}).
 */
public sealed interface StepResult {

  /**
   * The step was carried out.
   *
   * @param reference the host's reference for what was sent (a message or task id), free of personal data
   */
  record Sent(Optional<String> reference) implements StepResult {
    /**
     * Checks the reference is present or explicitly empty, and makes it fit to store.
     *
     * @param reference the host's reference, if any
     */
    public Sent {
      Objects.requireNonNull(reference, "reference");
      reference = reference.map(text -> Limits.truncate(text, Limits.MAX_RESULT_TEXT_LENGTH));
    }
  }

  /**
   * The step was not carried out, on purpose; it will not be retried.
   *
   * @param reason why, in words free of personal data
   */
  record Skipped(String reason) implements StepResult {
    /**
     * Checks the reason is present, and makes it fit to store.
     *
     * @param reason why, free of personal data
     */
    public Skipped {
      reason =
          Limits.truncate(Objects.requireNonNull(reason, "reason"), Limits.MAX_RESULT_TEXT_LENGTH);
    }
  }

  /**
   * The step could not be carried out this time; it will be retried while attempts remain.
   *
   * @param reason why, in words free of personal data
   */
  record Failed(String reason) implements StepResult {
    /**
     * Checks the reason is present, and makes it fit to store.
     *
     * @param reason why, free of personal data
     */
    public Failed {
      reason =
          Limits.truncate(Objects.requireNonNull(reason, "reason"), Limits.MAX_RESULT_TEXT_LENGTH);
    }
  }

  /**
   * The step was carried out.
   *
   * @return a result without reference
   */
  static StepResult sent() {
    return new Sent(Optional.empty());
  }

  /**
   * The step was carried out, with the host's reference for it.
   *
   * @param reference e.g. a message or task id
   * @return the result
   */
  static StepResult sent(String reference) {
    return new Sent(Optional.of(reference));
  }

  /**
   * The step was not carried out, on purpose.
   *
   * @param reason why
   * @return the result
   */
  static StepResult skipped(String reason) {
    return new Skipped(reason);
  }

  /**
   * The step could not be carried out this time.
   *
   * @param reason why
   * @return the result
   */
  static StepResult failed(String reason) {
    return new Failed(reason);
  }
}
