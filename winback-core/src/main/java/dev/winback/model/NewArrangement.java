package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.Optional;
import org.immutables.value.Value;

/** What we know of the arrangement a customer left us for: the competitor and when that contract ends. */
@Value.Immutable
@JsonSerialize(as = ImmutableNewArrangement.class)
@JsonDeserialize(as = ImmutableNewArrangement.class)
public abstract class NewArrangement {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  NewArrangement() {}

  /**
   * The competitor they went to, if known.
   *
   * @return the competitor's name
   */
  public abstract Optional<String> competitor();

  /**
   * When their new contract ends, if known: the moment to ask for a second chance.
   *
   * @return the end date
   */
  public abstract Optional<LocalDate> contractEnds();

  /**
   * Starts building an arrangement.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds a {@link NewArrangement}; not thread-safe. */
  public static final class Builder extends ImmutableNewArrangement.Builder {}

  @Value.Check
  void check() {
    Checks checks = Checks.of("NewArrangement").name(competitor(), "competitor");
    contractEnds().ifPresent(date -> checks.plausible(date, "contractEnds"));
    checks.throwIfAny();
  }
}
