package dev.winback;

import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.CustomerValue;
import dev.winback.model.ExitCategory;
import dev.winback.model.ExitReason;
import dev.winback.model.LostCustomer;
import dev.winback.model.NewArrangement;
import dev.winback.model.Playbook;
import dev.winback.model.ReasonSource;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The typical customers a playbook is linted against, and how a finding names them. Stateless. */
final class LintSamples {
  private LintSamples() {}

  /** How a finding names a sample customer. */
  static String describe(LostCustomer customer) {
    return " for a customer who left over " + customer.primaryCategory()
        + (customer.answeredAt().isEmpty() && !customer.exitReasons().isEmpty()
            ? " (our guess)"
            : "")
        + customer
            .value()
            .map(v -> ", worth " + v.monthlyRevenue() + " a month")
            .orElse(", value unknown")
        + (customer.newArrangement().isPresent() ? ", new contract ending " : "")
        + customer
            .newArrangement()
            .flatMap(NewArrangement::contractEnds)
            .map(Object::toString)
            .orElse("");
  }

  /**
   * Typical customers: every exit category (and none), told us by the customer or only guessed, four values, with and without a known contract end,
   * reachable by e-mail only or preferring the phone, with every churn signal and in every segment the playbook's
   * rules name.
   */
  static List<LostCustomer> of(Playbook playbook, Instant start) {
    List<LostCustomer> samples = new ArrayList<>();
    String[] values = {null, "5", "60", "800"};
    java.util.Set<String> segmentSet = new java.util.TreeSet<>();
    playbook.rules().forEach(rule -> segmentSet.addAll(rule.when().segments()));
    List<String> segments = new ArrayList<>();
    segments.add(null);
    segments.addAll(segmentSet);
    java.util.Set<ChurnSignal> signals = java.util.EnumSet.of(ChurnSignal.SUBSCRIPTION_CANCELLED);
    playbook.rules().forEach(rule -> signals.addAll(rule.when().churnSignals()));
    int n = 0;
    for (ExitCategory category : ExitCategory.values()) {
      for (ReasonSource source : new ReasonSource[] {ReasonSource.SURVEY, ReasonSource.INFERRED}) {
        if (category == ExitCategory.UNKNOWN && source == ReasonSource.INFERRED) {
          continue;
        }
        for (String monthly : values) {
          for (boolean contract : new boolean[] {false, true}) {
            for (ChurnSignal signal : signals) {
              for (String segment : segments) {
                for (boolean phoneFirst : new boolean[] {false, true}) {
                  LostCustomer.Builder customer = LostCustomer.builder()
                      .id("lint-" + n++)
                      .displayName("Sample")
                      .addContactPoint(
                          ContactPoint.of(Channel.EMAIL, "sample@example.com", Consent.GRANTED))
                      .lostAt(start)
                      .churnSignal(signal)
                      .locale(Locale.ENGLISH);
                  if (category != ExitCategory.UNKNOWN) {
                    customer.addExitReason(ExitReason.of(category, source, start));
                  }
                  if (monthly != null) {
                    customer.value(CustomerValue.of(monthly, "0", "EUR"));
                  }
                  if (contract) {
                    customer.newArrangement(NewArrangement.builder()
                        .contractEnds(LocalDate.of(2026, 9, 30))
                        .build());
                  }
                  if (segment != null) {
                    customer.segment(segment);
                  }
                  if (phoneFirst) {
                    customer
                        .addContactPoint(
                            ContactPoint.of(Channel.PHONE, "+1 555 0100", Consent.GRANTED))
                        .preferredChannel(Channel.PHONE);
                  }
                  samples.add(customer.build());
                }
              }
            }
          }
        }
      }
    }
    return samples;
  }
}
