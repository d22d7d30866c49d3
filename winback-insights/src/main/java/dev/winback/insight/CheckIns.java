package dev.winback.insight;

import dev.winback.ContactPreview;
import dev.winback.model.ActiveCustomer;
import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.ContactRules;
import dev.winback.model.ExitCategory;
import dev.winback.model.LostCustomer;
import dev.winback.model.StepKind;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ActiveCustomers;
import dev.winback.spi.ContactPolicy;
import dev.winback.spi.ContactRecord;
import dev.winback.spi.SuppressionList;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds the loyal customers worth hearing from, before they leave too: active customers who look like the recent
 * lost ones (two of: the same segment, the same product, exposure to a root cause that is rising) get a check-in;
 * customers whose anniversary falls in the next two weeks get their yearly thank-you. Every proposal passes the
 * contact policy (suppression, consent, caps, quiet hours) first; those it stops are listed with the rule's reason.
 *
 * <p>Lost customers' products come from their {@code product} attribute. Immutable and thread-safe once built.
 */
public final class CheckIns {
  private final List<WinBackPlan> recentLosses;
  private final Set<ExitCategory> rising;
  private final ContactPreview contacts;

  /** Why we would contact an active customer. */
  public enum Kind {
    /** They look like those who left: ask how things are going. */
    CHECK_IN,
    /** Their anniversary with us: a personal thank-you. */
    YEARLY_THANK_YOU
  }

  /**
   * A contact to make.
   *
   * @param customerId the customer
   * @param kind why
   * @param reason the resemblance or the anniversary, in words
   * @param channel the channel the contact policy allows
   * @param at the earliest time it allows
   */
  public record CheckIn(String customerId, Kind kind, String reason, Channel channel, Instant at) {}

  /**
   * A contact the policy stopped.
   *
   * @param customerId the customer
   * @param kind why we wanted to
   * @param reason the rule that stopped it, and why
   */
  public record Excluded(String customerId, Kind kind, String reason) {}

  /**
   * The outcome of a selection.
   *
   * @param checkIns the contacts to make
   * @param excluded the contacts the policy stopped
   */
  public record Selection(List<CheckIn> checkIns, List<Excluded> excluded) {}

  private CheckIns(Builder b) {
    this.recentLosses = List.copyOf(b.recentLosses);
    this.rising = EnumSet.noneOf(ExitCategory.class);
    b.alerts.forEach(alert -> rising.add(alert.category()));
    this.contacts = ContactPreview.of(b.policy, b.rules, b.suppressions, b.history);
  }

  /**
   * Starts configuring a selection.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Selects check-ins and yearly thank-yous among the active customers.
   *
   * @param active the host's active customers
   * @param now the time of the selection
   * @return the selection
   */
  public Selection select(ActiveCustomers active, Instant now) {
    Map<String, Integer> lostSegments = new HashMap<>();
    Map<String, Integer> lostProducts = new HashMap<>();
    for (WinBackPlan plan : recentLosses) {
      plan.customer().segment().ifPresent(segment -> lostSegments.merge(segment, 1, Integer::sum));
      Optional.ofNullable(plan.customer().attributes().get("product"))
          .ifPresent(product -> lostProducts.merge(product, 1, Integer::sum));
    }
    List<CheckIn> checkIns = new ArrayList<>();
    List<Excluded> excluded = new ArrayList<>();
    try (Stream<ActiveCustomer> customers = active.stream()) {
      customers.forEach(customer -> {
        List<String> resemblance = new ArrayList<>();
        customer
            .segment()
            .filter(lostSegments::containsKey)
            .ifPresent(segment -> resemblance.add("same segment '" + segment + "' as "
                + lostSegments.get(segment) + " recent losses"));
        customer.products().stream()
            .filter(lostProducts::containsKey)
            .findFirst()
            .ifPresent(product -> resemblance.add(
                "uses '" + product + "' like " + lostProducts.get(product) + " recent losses"));
        customer.exposures().stream()
            .filter(rising::contains)
            .findFirst()
            .ifPresent(
                cause -> resemblance.add("exposed to " + cause + ", a rising reason for leaving"));
        if (resemblance.size() >= 2) {
          propose(customer, Kind.CHECK_IN, String.join("; ", resemblance), now, checkIns, excluded);
        }
        anniversary(customer, now)
            .ifPresent(years -> propose(
                customer,
                Kind.YEARLY_THANK_YOU,
                years + (years == 1 ? " year" : " years") + " with us",
                now,
                checkIns,
                excluded));
      });
    }
    return new Selection(List.copyOf(checkIns), List.copyOf(excluded));
  }

  private static Optional<Integer> anniversary(ActiveCustomer customer, Instant now) {
    if (customer.customerSince().isEmpty()
        || customer
            .lastThankedAt()
            .map(at -> at.isAfter(now.minus(Duration.ofDays(300))))
            .orElse(false)) {
      return Optional.empty();
    }
    LocalDate since = customer.customerSince().get().atZone(customer.timeZone()).toLocalDate();
    LocalDate today = now.atZone(customer.timeZone()).toLocalDate();
    for (int ahead = 0; ahead < 14; ahead++) {
      LocalDate day = today.plusDays(ahead);
      if (MonthDay.from(day).equals(MonthDay.from(since)) && day.getYear() > since.getYear()) {
        return Optional.of(day.getYear() - since.getYear());
      }
    }
    return Optional.empty();
  }

  private void propose(
      ActiveCustomer active,
      Kind kind,
      String reason,
      Instant now,
      List<CheckIn> checkIns,
      List<Excluded> excluded) {
    LostCustomer.Builder view = LostCustomer.builder()
        .id(active.id())
        .displayName(active.displayName())
        .contactPoints(active.contactPoints())
        .preferredChannel(active.preferredChannel())
        .timeZone(active.timeZone())
        .segment(active.segment())
        .lostAt(now)
        .churnSignal(ChurnSignal.OTHER);
    active.customerSince().filter(since -> !since.isAfter(now)).ifPresent(view::customerSince);
    LostCustomer customer = view.build();
    StepKind step = kind == Kind.CHECK_IN ? StepKind.FOLLOW_UP : StepKind.THANK_YOU;
    Optional<Channel> channel = ContactPreview.channelFor(customer, step);
    if (channel.isEmpty()) {
      excluded.add(new Excluded(active.id(), kind, "no channel with consent"));
      return;
    }
    ContactPreview.Outcome outcome =
        contacts.preview(customer, "check-in:" + active.id(), step, channel.get(), now);
    if (outcome.stop().isPresent()) {
      excluded.add(
          new Excluded(active.id(), kind, ContactPreview.explain(outcome.stop().get())));
    } else {
      checkIns.add(new CheckIn(active.id(), kind, reason, outcome.channel(), outcome.at()));
    }
  }

  /** Configures {@link CheckIns}. Not thread-safe. */
  public static final class Builder {
    private final List<WinBackPlan> recentLosses = new ArrayList<>();
    private final List<RootCauses.Alert> alerts = new ArrayList<>();
    private ContactRules rules = ContactRules.defaults();
    private ContactPolicy policy = ContactPolicy.standard();
    private SuppressionList suppressions = SuppressionList.inMemory();
    private Function<String, List<ContactRecord>> history = id -> List.of();

    private Builder() {}

    /**
     * The recent losses to look for resemblance to.
     *
     * @param plans their plans
     * @return this builder
     */
    public Builder recentLosses(Iterable<WinBackPlan> plans) {
      plans.forEach(recentLosses::add);
      return this;
    }

    /**
     * The root causes that are rising.
     *
     * @param rising the alerts from {@link RootCauses}
     * @return this builder
     */
    public Builder risingCauses(List<RootCauses.Alert> rising) {
      alerts.addAll(rising);
      return this;
    }

    /**
     * The contact rules to keep; the defaults unless set.
     *
     * @param contactRules the rules
     * @return this builder
     */
    public Builder contactRules(ContactRules contactRules) {
      this.rules = Objects.requireNonNull(contactRules, "contactRules");
      return this;
    }

    /**
     * The suppression list to honour; WinBack's engine's, typically.
     *
     * @param list the list
     * @return this builder
     */
    public Builder suppressionList(SuppressionList list) {
      this.suppressions = Objects.requireNonNull(list, "list");
      return this;
    }

    /**
     * Where to read each customer's earlier contacts, for the caps; e.g. {@code store::contactHistory}.
     *
     * @param contactHistory the history by customer id
     * @return this builder
     */
    public Builder contactHistory(Function<String, List<ContactRecord>> contactHistory) {
      this.history = Objects.requireNonNull(contactHistory, "contactHistory");
      return this;
    }

    /**
     * Builds the selection.
     *
     * @return the check-ins
     */
    public CheckIns build() {
      return new CheckIns(this);
    }
  }
}
