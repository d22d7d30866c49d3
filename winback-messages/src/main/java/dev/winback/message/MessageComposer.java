package dev.winback.message;

import dev.winback.spi.StepContext;

/**
 * Composes the message a step sends: every part it carries ({@link StepContext#parts()}), in the customer's
 * language, with its signed links. Implementations are thread-safe.
 */
@FunctionalInterface
public interface MessageComposer {

  /**
   * Composes the message for a step about to be sent.
   *
   * @param context the step, its parts, the customer and the links
   * @return the message
   */
  ComposedMessage compose(StepContext context);
}
