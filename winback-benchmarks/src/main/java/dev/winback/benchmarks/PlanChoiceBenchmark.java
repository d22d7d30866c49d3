package dev.winback.benchmarks;

import dev.winback.ManualClock;
import dev.winback.WinBack;
import dev.winback.internal.Planner;
import dev.winback.model.LostCustomer;
import dev.winback.model.Playbook;
import dev.winback.model.PlaybookRule;
import dev.winback.model.ValueTier;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ApologyStrategy;
import dev.winback.spi.FeedbackStrategy;
import dev.winback.spi.IncentiveStrategy;
import dev.winback.spi.ReEngagementStrategy;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.jeasy.rules.api.Facts;
import org.jeasy.rules.api.Rules;
import org.jeasy.rules.api.RulesEngine;
import org.jeasy.rules.api.RulesEngineParameters;
import org.jeasy.rules.core.DefaultRulesEngine;
import org.jeasy.rules.core.RuleBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Plans chosen per second: {@link WinBack#preview} over generated customers, against the same decision expressed
 * with Easy Rules (one Easy Rules rule per playbook rule, same conditions, first applied rule wins, and the same
 * plan, with the same contact-rule pass, built by the chosen rule's action). Also the bare rule choice on both
 * sides, without building the plan.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms3g", "-Xmx3g"})
@Threads(1)
public class PlanChoiceBenchmark {

  @Param("1000000")
  int customers;

  private LostCustomer[] population;
  private WinBack winBack;
  private Planner planner;
  private Playbook playbook;
  private RulesEngine easyRules;
  private Rules easyPlans;
  private Rules easyChoice;
  private int next;
  private final Instant now = GeneratedCustomers.START;

  @Setup(Level.Trial)
  public void setUp() {
    population = GeneratedCustomers.generate(customers, 42);
    playbook = Playbook.standard();
    winBack = WinBack.builder()
        .clock(ManualClock.at(now))
        .playbook(playbook)
        .feedback(FeedbackStrategy.none())
        .apology(ApologyStrategy.none())
        .incentives(IncentiveStrategy.none())
        .reEngagement(ReEngagementStrategy.none())
        .build();
    planner = new Planner(playbook);
    easyRules = new DefaultRulesEngine(new RulesEngineParameters().skipOnFirstAppliedRule(true));
    easyPlans = new Rules();
    easyChoice = new Rules();
    List<PlaybookRule> rules = playbook.rules();
    easyPlans.register(suppressionRule(true));
    easyChoice.register(suppressionRule(false));
    for (int i = 0; i < rules.size(); i++) {
      PlaybookRule rule = rules.get(i);
      easyPlans.register(new RuleBuilder()
          .name(rule.name())
          .priority(i + 1)
          .when(facts -> rule.when().matches(facts.get("customer"), facts.get("tier")))
          .then(facts ->
              facts.put("plan", contactRules(planner.plan(facts.get("customer"), now, rule))))
          .build());
      easyChoice.register(new RuleBuilder()
          .name(rule.name())
          .priority(i + 1)
          .when(facts -> rule.when().matches(facts.get("customer"), facts.get("tier")))
          .then(facts -> facts.put("rule", rule))
          .build());
    }
  }

  private org.jeasy.rules.api.Rule suppressionRule(boolean buildPlan) {
    return new RuleBuilder()
        .name("do-not-contact")
        .priority(0)
        .when(facts -> Planner.whyNotContact(facts.get("customer")).isPresent())
        .then(facts -> facts.put(
            buildPlan ? "plan" : "rule",
            buildPlan
                ? contactRules(planner.plan(facts.get("customer"), now))
                : Planner.DO_NOT_CONTACT_RULE))
        .build();
  }

  /** The same contact-rule pass that {@code preview} makes, so both sides build the same plan. */
  private WinBackPlan contactRules(WinBackPlan plan) {
    return dev.winback.internal.ContactPlanning.apply(
            plan,
            dev.winback.spi.ContactPolicy.standard(),
            playbook.contactRules(),
            List.of(),
            Optional.empty(),
            now)
        .plan();
  }

  private LostCustomer nextCustomer() {
    LostCustomer customer = population[next];
    next = next + 1 == population.length ? 0 : next + 1;
    return customer;
  }

  /** WinBack: the full plan, as {@code preview} returns it. */
  @Benchmark
  public WinBackPlan winBackPreview() {
    return winBack.preview(nextCustomer());
  }

  /** Easy Rules: the same decision and the same plan. */
  @Benchmark
  public Object easyRulesPlan() {
    LostCustomer customer = nextCustomer();
    Facts facts = new Facts();
    facts.put("customer", customer);
    facts.put("tier", playbook.valueTiers().tierOf(customer));
    easyRules.fire(easyPlans, facts);
    return facts.get("plan");
  }

  /** WinBack: only the choice of rule. */
  @Benchmark
  public Object winBackRuleChoice() {
    LostCustomer customer = nextCustomer();
    Optional<String> blocked = Planner.whyNotContact(customer);
    return blocked.isPresent() ? Planner.DO_NOT_CONTACT_RULE : planner.ruleFor(customer);
  }

  /** Easy Rules: only the choice of rule. */
  @Benchmark
  public Object easyRulesRuleChoice() {
    LostCustomer customer = nextCustomer();
    Facts facts = new Facts();
    facts.put("customer", customer);
    ValueTier tier = playbook.valueTiers().tierOf(customer);
    facts.put("tier", tier);
    easyRules.fire(easyChoice, facts);
    return facts.get("rule");
  }
}
