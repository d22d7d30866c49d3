package dev.winback.testkit;

import dev.winback.InvalidInputException;
import dev.winback.ManualClock;
import dev.winback.PlanLint;
import dev.winback.WinBack;
import dev.winback.WinBackJson;
import dev.winback.model.LostCustomer;
import dev.winback.model.Playbook;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.ReEngagementStrategy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a playbook would do to a file of customers, without contacting anyone: for each customer, the plan it would
 * choose (after the contact rules) and what {@link PlanLint} says about that plan. Reads JSON (an array of
 * {@link LostCustomer}) or CSV with a header row.
 *
 * <p>CSV columns (header names, any order): {@code id}, {@code lostAt} (ISO-8601 instant) and {@code churnSignal}
 * are required; optional are {@code displayName}, {@code exitCategory}, {@code ourFault}, {@code email},
 * {@code emailConsent}, {@code phone}, {@code phoneConsent}, {@code postalAddress}, {@code postConsent},
 * {@code preferredChannel}, {@code timeZone}, {@code segment}, {@code monthlyRevenue}, {@code lifetimeRevenue},
 * {@code currency}, {@code competitor}, {@code contractEnds} (ISO date). Consents default to {@code GRANTED} when an
 * address is given. Every problem in every row is reported at once, as {@code row 3.email}.
 */
public final class PlaybookDryRun {
  private final WinBack winBack;

  private PlaybookDryRun(Playbook playbook, Instant at) {
    this.winBack = WinBack.builder()
        .clock(ManualClock.at(at))
        .playbook(playbook)
        .feedback(FeedbackStrategy.none())
        .apology(ApologyStrategy.none())
        .incentives(IncentiveStrategy.none())
        .reEngagement(ReEngagementStrategy.none())
        .build();
  }

  /**
   * A dry run of a playbook as of a moment.
   *
   * @param playbook the playbook
   * @param at the moment the plans would start
   * @return the dry run
   */
  public static PlaybookDryRun of(Playbook playbook, Instant at) {
    return new PlaybookDryRun(
        Objects.requireNonNull(playbook, "playbook"), Objects.requireNonNull(at, "at"));
  }

  /**
   * What would happen to one customer.
   *
   * @param customerId the customer
   * @param plan the plan the playbook would start
   * @param findings what the linter says about the plan
   */
  public record Outcome(String customerId, WinBackPlan plan, List<PlanLint.Finding> findings) {
    /**
     * The kinds of step that would be sent, in order (skipped steps left out).
     *
     * @return the step kinds
     */
    public List<String> steps() {
      return plan.steps().stream()
          .filter(s -> s.status() == dev.winback.model.StepStatus.PENDING)
          .map(s -> s.kind() + " by " + s.channel())
          .toList();
    }
  }

  /**
   * The outcome of a dry run: one {@link Outcome} per customer, in file order.
   *
   * @param outcomes the outcomes
   */
  public record Report(List<Outcome> outcomes) {
    /**
     * The outcome for a customer.
     *
     * @param customerId the customer
     * @return the outcome
     * @throws IllegalArgumentException when the customer was not in the file
     */
    public Outcome outcome(String customerId) {
      return outcomes.stream()
          .filter(o -> o.customerId().equals(customerId))
          .findFirst()
          .orElseThrow(() ->
              new IllegalArgumentException("no customer '" + customerId + "' in the dry run"));
    }

    /**
     * How many customers each rule would take.
     *
     * @return customers per rule name, in order of first appearance
     */
    public Map<String, Integer> customersPerRule() {
      Map<String, Integer> counts = new LinkedHashMap<>();
      outcomes.forEach(o -> counts.merge(o.plan().rule(), 1, Integer::sum));
      return counts;
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder();
      for (Outcome outcome : outcomes) {
        text.append(outcome.customerId())
            .append(": rule '")
            .append(outcome.plan().rule())
            .append("' ")
            .append(outcome.plan().status())
            .append(' ')
            .append(outcome.steps())
            .append(System.lineSeparator());
        outcome
            .findings()
            .forEach(f -> text.append("    ").append(f).append(System.lineSeparator()));
      }
      return text.toString();
    }
  }

  /**
   * Dry-runs the customers in a file: {@code .json} or {@code .csv}.
   *
   * @param file the file
   * @return the report
   * @throws InvalidInputException naming every problem in the file
   * @throws UncheckedIOException when the file cannot be read
   */
  public Report run(Path file) {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file.getFileName(), e);
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return runJson(text);
    }
    if (name.endsWith(".csv")) {
      return runCsv(text);
    }
    throw new IllegalArgumentException(
        "a dry run reads .json or .csv files, not " + file.getFileName());
  }

  /**
   * Dry-runs the customers in a JSON array.
   *
   * @param json the customers
   * @return the report
   * @throws InvalidInputException naming every problem
   */
  public Report runJson(String json) {
    return run(WinBackJson.readList(json, LostCustomer.class));
  }

  /**
   * Dry-runs the customers in CSV text with a header row.
   *
   * @param csv the customers
   * @return the report
   * @throws InvalidInputException naming every problem in every row
   */
  public Report runCsv(String csv) {
    return run(CsvCustomers.parse(csv));
  }

  /**
   * Dry-runs customers already built.
   *
   * @param customers the customers
   * @return the report
   */
  public Report run(List<LostCustomer> customers) {
    List<Outcome> outcomes = new ArrayList<>(customers.size());
    for (LostCustomer customer : customers) {
      WinBackPlan plan = winBack.preview(customer);
      outcomes.add(new Outcome(
          customer.id(), plan, PlanLint.check(plan, winBack.playbook().contactRules())));
    }
    return new Report(List.copyOf(outcomes));
  }
}
