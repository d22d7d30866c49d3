package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * What a customer keeps after leaving, so they can leave gracefully and come back easily: how long we keep their
 * data, whether they keep guest access, and what stays theirs. Shown to the goodbye step's strategy, and honoured by
 * the engine: {@link dev.winback.WinBack#eraseDataPastRetention()} erases a customer's data once the retention
 * period after their loss has passed and no plan of theirs is still running.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableExitTerms.class)
@JsonDeserialize(as = ImmutableExitTerms.class)
public abstract class ExitTerms {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  ExitTerms() {}

  /**
   * How long after leaving we keep their data, so coming back restores everything.
   *
   * @return the retention period, two years unless set
   */
  @Value.Default
  public Period dataRetention() {
    return Period.ofYears(2);
  }

  /**
   * Whether they keep access as a guest after leaving.
   *
   * @return true unless set otherwise
   */
  @Value.Default
  public boolean guestAccess() {
    return true;
  }

  /**
   * What stays theirs, in the host's words (e.g. "your family tree", "your order history").
   *
   * @return what they keep
   */
  public abstract List<String> keeps();

  /**
   * Where to come back, if the host has a page for it.
   *
   * @return the link
   */
  public abstract Optional<String> comeBackLink();

  /**
   * The default terms: two years of data, guest access.
   *
   * @return the terms
   */
  public static ExitTerms defaults() {
    return builder().build();
  }

  /**
   * Starts building terms.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ExitTerms}; not thread-safe. */
  public static final class Builder extends ImmutableExitTerms.Builder {}

  @Value.Check
  void check() {
    Checks checks = Checks.of("ExitTerms")
        .plausible(dataRetention(), "dataRetention")
        .require(!dataRetention().isNegative(), "dataRetention", "must not be negative")
        .items(keeps().size(), "keeps")
        .text(comeBackLink(), Limits.MAX_DESCRIPTION_LENGTH, "comeBackLink");
    for (int i = 0; i < keeps().size(); i++) {
      checks.text(keeps().get(i), Limits.MAX_DESCRIPTION_LENGTH, "keeps[" + i + "]");
    }
    checks.throwIfAny();
  }
}
