package dev.winback.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.winback.WinBack;
import dev.winback.jdbc.JdbcPlanStore;
import dev.winback.model.Channel;
import dev.winback.model.ChurnSignal;
import dev.winback.model.Consent;
import dev.winback.model.ContactPoint;
import dev.winback.model.ContactRules;
import dev.winback.model.LostCustomer;
import dev.winback.model.Playbook;
import dev.winback.model.PlaybookRule;
import dev.winback.model.RuleCondition;
import dev.winback.model.StepKind;
import dev.winback.model.StepTemplate;
import dev.winback.spi.StepResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Due steps executed per second on an embedded PostgreSQL, WinBack against db-scheduler, side by side in one run on
 * the same database and pool: WinBack runs N due steps (one per plan, no-op strategies) with 4 runner threads;
 * db-scheduler runs N one-time tasks due now with 4 executor threads (lock-and-fetch polling, PostgreSQL's fastest,
 * fetching up to 4 executions per thread).
 * Alternates the two for several rounds and prints each round and the medians.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.winback.benchmarks.SchedulerComparison [steps] [rounds]}
 */
public final class SchedulerComparison {
  private static final int THREADS = 4;

  private SchedulerComparison() {}

  public static void main(String[] args) throws Exception {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
      HikariConfig config = new HikariConfig();
      config.setDataSource(postgres.getPostgresDatabase());
      config.setMaximumPoolSize(16);
      try (HikariDataSource pool = new HikariDataSource(config)) {
        JdbcPlanStore store = JdbcPlanStore.create(pool).migrate();
        execute(pool, "CREATE TABLE scheduled_tasks (task_name TEXT NOT NULL, task_instance TEXT NOT NULL, "
            + "task_data BYTEA, execution_time TIMESTAMP WITH TIME ZONE NOT NULL, picked BOOLEAN NOT NULL, "
            + "picked_by TEXT, last_success TIMESTAMP WITH TIME ZONE, last_failure TIMESTAMP WITH TIME ZONE, "
            + "consecutive_failures INT, last_heartbeat TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL, "
            + "priority SMALLINT, PRIMARY KEY (task_name, task_instance))");
        execute(pool, "CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)");
        execute(pool, "CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
        double[] winBack = new double[rounds];
        double[] dbScheduler = new double[rounds];
        for (int round = 0; round < rounds; round++) {
          winBack[round] = winBackRound(pool, store, steps, round);
          dbScheduler[round] = dbSchedulerRound(pool, steps, round);
          System.out.printf("round %d: WinBack %,.0f steps/s, db-scheduler %,.0f tasks/s, ratio %.2f%n", round + 1,
              winBack[round], dbScheduler[round], winBack[round] / dbScheduler[round]);
        }
        double w = median(winBack);
        double d = median(dbScheduler);
        System.out.printf("median: WinBack %,.0f steps/s, db-scheduler %,.0f tasks/s, ratio %.2f (%d each, %d threads)%n",
            w, d, w / d, steps, THREADS);
      }
    }
  }

  private static double winBackRound(HikariDataSource pool, JdbcPlanStore store, int steps, int round)
      throws Exception {
    for (String table : List.of("winback_plan", "winback_journal", "winback_contact")) {
      execute(pool, "TRUNCATE " + table);
    }
    AtomicInteger done = new AtomicInteger();
    List<WinBack> runners = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      runners.add(WinBack.builder().store(TIMED ? timed(store) : store).playbook(playbook()).nodeId("bench-" + round + "-" + i)
          .batchSize(100)
          .feedback(c -> {
            done.incrementAndGet();
            return StepResult.sent();
          })
          .apology(c -> StepResult.sent()).incentives(c -> StepResult.sent()).reEngagement(c -> StepResult.sent())
          .build());
    }
    Instant lostAt = Instant.now().minusSeconds(60);
    for (int i = 0; i < steps; i++) {
      runners.get(0).start(LostCustomer.builder().id("r" + round + "c" + i).displayName("C")
          .addContactPoint(ContactPoint.of(Channel.EMAIL, "c" + i + "@example.com", Consent.GRANTED))
          .lostAt(lostAt).churnSignal(ChurnSignal.SUBSCRIPTION_CANCELLED).build());
    }
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    long start = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (WinBack runner : runners) {
      work.add(threads.submit(() -> {
        while (done.get() < steps) {
          runner.runDue();
        }
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    threads.shutdown();
    if (TIMED) {
      TIMES.forEach((k, v) -> System.out.printf("  %s %.0f ms%n", k, v.sum() / 1e6));
      TIMES.clear();
    }
    return steps / seconds;
  }

  private static double dbSchedulerRound(HikariDataSource pool, int steps, int round) throws Exception {
    execute(pool, "DELETE FROM scheduled_tasks");
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(steps);
    OneTimeTask<Void> task = Tasks.oneTime("noop-" + round).execute((instance, context) -> done.countDown());
    Scheduler scheduler = Scheduler.create(pool, task)
        .threads(THREADS)
        .pollingInterval(Duration.ofMillis(10))
        .pollUsingLockAndFetch(1.0, 4.0)
        .build();
    List<TaskInstance<?>> instances = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      instances.add(task.instance("t" + i));
    }
    scheduler.scheduleBatch(instances, Instant.now().minusSeconds(60));
    long start = System.nanoTime();
    scheduler.start();
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    scheduler.stop();
    return steps / seconds;
  }

  /** One step per plan due at once (the apology rule exists for the linter; these customers never reach it). */
  private static Playbook playbook() {
    return Playbook.builder().name("bench")
        .addRule(PlaybookRule.builder().name("sorry").when(RuleCondition.ourFault()).rationale("ours")
            .addSteps(StepTemplate.at(StepKind.APOLOGY, Duration.ZERO),
                StepTemplate.at(StepKind.FOLLOW_UP, Duration.ofDays(14)),
                StepTemplate.at(StepKind.GRACEFUL_GOODBYE, Duration.ofDays(20)))
            .build())
        .addRule(PlaybookRule.builder().name("ask").rationale("ask")
            .addSteps(StepTemplate.at(StepKind.FEEDBACK_REQUEST, Duration.ZERO),
                StepTemplate.at(StepKind.GRACEFUL_GOODBYE, Duration.ofDays(365)))
            .build())
        // the default caps apply; quiet hours are off so that the result does not depend on the time of day
        .contactRules(ContactRules.builder().allowedHours(Map.of()).build())
        .build();
  }

  private static void execute(HikariDataSource pool, String sql) throws Exception {
    try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static final boolean TIMED = Boolean.getBoolean("timed");
  static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder> TIMES =
      new java.util.concurrent.ConcurrentHashMap<>();

  static dev.winback.spi.PlanStore timed(dev.winback.spi.PlanStore store) {
    return (dev.winback.spi.PlanStore) java.lang.reflect.Proxy.newProxyInstance(
        dev.winback.spi.PlanStore.class.getClassLoader(), new Class<?>[] {dev.winback.spi.PlanStore.class},
        (proxy, method, args) -> {
          long t = System.nanoTime();
          try {
            return method.invoke(store, args);
          } finally {
            TIMES.computeIfAbsent(method.getName(), k -> new java.util.concurrent.atomic.LongAdder())
                .add(System.nanoTime() - t);
          }
        });
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
