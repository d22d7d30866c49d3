package dev.winback.model;

import dev.winback.InvalidInputException;
import dev.winback.Problem;
import java.util.Arrays;

/**
 * Thrown by generated builders when required attributes were not set; an {@link InvalidInputException} with one
 * problem per missing attribute. Not API: catch {@link InvalidInputException}.
 */
final class MissingAttributes extends InvalidInputException {
  private static final long serialVersionUID = 1L;

  /**
   * Called by Immutables-generated code.
   *
   * @param missingAttributes the names of the attributes that were not set
   */
  public MissingAttributes(String... missingAttributes) {
    super(
        "value",
        Arrays.stream(missingAttributes)
            .map(name -> new Problem(name, "is required"))
            .toList());
  }
}
