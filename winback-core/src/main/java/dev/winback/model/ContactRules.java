package dev.winback.model;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The limits a playbook's plans keep when they contact customers. The defaults:
 *
 * <ul>
 *   <li>at most 3 contacts in any 7 days and 6 in any 30 days, across all plans and channels;
 *   <li>customers who left over too many messages: at most 1 contact in any 30 days, on their preferred channel only;
 *   <li>calls and text messages only from 08:00 to 21:00, e-mail from 07:00 to 22:00, in the customer's time zone;
 *       letters at any time.
 * </ul>
 *
 * A step that would break a cap or fall in quiet hours is moved to the first allowed time, never dropped.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableContactRules.class)
@JsonDeserialize(as = ImmutableContactRules.class)
public abstract class ContactRules {

  /** Only the generated implementation extends this type: build values with {@link #builder()}. */
  ContactRules() {}

  /**
   * The caps that apply to every customer.
   *
   * @return the caps
   */
  @Value.Default
  public List<FrequencyCap> caps() {
    return List.of(FrequencyCap.of(3, Duration.ofDays(7)), FrequencyCap.of(6, Duration.ofDays(30)));
  }

  /**
   * Stricter limits for customers who left for particular reasons.
   *
   * @return the reason caps
   */
  @Value.Default
  public List<ReasonCap> reasonCaps() {
    return List.of(ReasonCap.builder()
        .reason(ExitCategory.TOO_MANY_MESSAGES)
        .cap(FrequencyCap.of(1, Duration.ofDays(30)))
        .build());
  }

  /**
   * The hours each channel may be used, in the customer's time zone; a channel not listed may be used at any time.
   *
   * @return the allowed hours per channel
   */
  @Value.Default
  public Map<Channel, DailyWindow> allowedHours() {
    return Map.of(
        Channel.PHONE, DailyWindow.of(LocalTime.of(8, 0), LocalTime.of(21, 0)),
        Channel.SMS, DailyWindow.of(LocalTime.of(8, 0), LocalTime.of(21, 0)),
        Channel.EMAIL, DailyWindow.of(LocalTime.of(7, 0), LocalTime.of(22, 0)));
  }

  /**
   * How far apart steps of one plan may fall due and still go out together: steps on the same channel due within
   * this window of the first are carried by one message, which counts as one contact. One day unless set; zero
   * sends every step on its own.
   *
   * @return the window, not negative
   */
  @Value.Default
  public Duration combineWithin() {
    return Duration.ofDays(1);
  }

  /**
   * The allowed hours of a channel, if it has any.
   *
   * @param channel the channel
   * @return the window, empty when the channel may be used at any time
   */
  public Optional<DailyWindow> allowedHours(Channel channel) {
    return Optional.ofNullable(allowedHours().get(channel));
  }

  /**
   * The default rules.
   *
   * @return rules with every limit at its default
   */
  public static ContactRules defaults() {
    return builder().build();
  }

  /**
   * Starts building rules.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ContactRules}; not thread-safe. */
  public static final class Builder extends ImmutableContactRules.Builder {}

  @Value.Check
  void check() {
    Checks checks = Checks.of("ContactRules").items(caps().size(), "caps");
    for (int i = 0; i < reasonCaps().size(); i++) {
      for (int j = 0; j < i; j++) {
        if (reasonCaps().get(i).reason() == reasonCaps().get(j).reason()) {
          checks.require(
              false, "reasonCaps[" + i + "].reason", "repeats reasonCaps[" + j + "].reason");
        }
      }
    }
    checks.require(
        !combineWithin().isNegative() && combineWithin().compareTo(Duration.ofDays(31)) <= 0,
        "combineWithin",
        "must be between zero and 31 days");
    checks.throwIfAny();
  }
}
