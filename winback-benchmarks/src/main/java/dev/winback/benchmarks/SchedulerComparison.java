package dev.winback.benchmarks;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.OneTimeTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.winback.WinBack;
import dev.winback.WinBackBuilder;
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
 * db-scheduler runs N one-time tasks due now with 4 executor threads, polling by lock-and-fetch (PostgreSQL's
 * fastest strategy) in two configurations: A fetches up to 4 executions per thread (16 at a time), B as many at a
 * time as WinBack claims in one batch (its upper limit per thread is the batch size over the threads, its lower
 * limit half that). db-scheduler's throughput grows with the executions it fetches at a time, so B is the
 * like-for-like comparison. After warm-up rounds of all three (not counted), alternates them for several rounds and
 * prints each round and the medians.
 *
 * <p>Usage: {@code java -cp benchmarks.jar dev.winback.benchmarks.SchedulerComparison [steps] [rounds] [warm-ups]}
 * (20,000, 5 and 12 by default). WinBack's throughput settles only after about ten rounds: its store writes run once
 * per batch, about forty times a round, so the JIT compiler gets to them late, and until then it takes several
 * microseconds of CPU per step from the runners and the database (measured with {@code -Dtimed=true}: the compiler threads' CPU per
 * step falls from 6 to 9 µs in rounds 2 to 6 to about 1 µs from round 10 on). db-scheduler settles after two.
 *
 * <p>Diagnostics, off by default: {@code -Dtimed=true} prints the time spent in each store call, the CPU time per
 * step of this JVM, of its threads by name and of the rest of the machine (the database), and the WAL written per
 * step; {@code -Dstatements=true} prints the database's time and WAL per statement (pg_stat_statements) and the
 * entries each of WinBack's indexes returned per step;
 * {@code -Dthreads=N} changes the threads of both sides, {@code -Dbatch=N} WinBack's batch size (500, the engine's
 * default), {@code -DdbsLower} and {@code -DdbsUpper} db-scheduler B's lock-and-fetch limits per thread, and
 * {@code -DdbsPollMillis} both db-schedulers' polling interval (10 ms); {@code -DwinbackOnly=true} skips
 * db-scheduler; {@code -Dextra="SQL;SQL"} runs statements after the migration, for tuning experiments;
 * {@code -Dended=N} adds N ended plans to WinBack's store before each round (as a store that has run for a while
 * holds), to check that claims and result writes do not slow down with the size of the table;
 * {@code -DnoClaimWrite=true} gives a ceiling for any claim design: WinBack's claims write nothing (no lease, no row
 * lock), each runner thread reading the due plans of its own partition of plan ids instead, with everything else
 * (results, journal, contact histories) unchanged. Only a measurement: a runner that died would leave its plans
 * unrun; {@code -DnoFence=true} measures what the customer fence costs: sends run without it (no lock, no version
 * check), everything else unchanged. Only a measurement: an opt-out would not stop a send on another node.
 */
public final class SchedulerComparison {
  private static final int THREADS = Integer.getInteger("threads", 4);

  private SchedulerComparison() {}

  public static void main(String[] args) throws Exception {
    int steps = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    int warmUps = args.length > 2 ? Integer.parseInt(args[2]) : 12;
    EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
    if (STATEMENTS) {
      builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
    }
    try (EmbeddedPostgres postgres = builder.start()) {
      HikariConfig config = new HikariConfig();
      config.setDataSource(postgres.getPostgresDatabase());
      config.setMaximumPoolSize(16);
      try (HikariDataSource pool = new HikariDataSource(config)) {
        JdbcPlanStore store = JdbcPlanStore.create(pool).migrate();
        System.out.println(settings(pool));
        if (STATEMENTS) {
          execute(pool, "CREATE EXTENSION pg_stat_statements");
        }
        for (String sql : System.getProperty("extra", "").split(";")) {
          if (!sql.isBlank()) {
            execute(pool, sql);
          }
        }
        if (NO_CLAIM_WRITE) { // the partitioned reads' index replaces the due index, so that
          // updates write as
          // many
          execute(pool, "DROP INDEX winback_plan_by_due");
          execute(
              pool,
              "CREATE INDEX bench_partition_due ON winback_plan ((hashtext(plan_id) & "
                  + (THREADS - 1) + "), next_due) WHERE next_due IS NOT NULL");
        }
        execute(
            pool,
            "CREATE TABLE scheduled_tasks (task_name TEXT NOT NULL, task_instance TEXT NOT NULL, "
                + "task_data BYTEA, execution_time TIMESTAMP WITH TIME ZONE NOT NULL, picked BOOLEAN NOT NULL, "
                + "picked_by TEXT, last_success TIMESTAMP WITH TIME ZONE, last_failure TIMESTAMP WITH TIME ZONE, "
                + "consecutive_failures INT, last_heartbeat TIMESTAMP WITH TIME ZONE, version BIGINT NOT NULL, "
                + "priority SMALLINT, PRIMARY KEY (task_name, task_instance))");
        execute(pool, "CREATE INDEX execution_time_idx ON scheduled_tasks (execution_time)");
        execute(pool, "CREATE INDEX last_heartbeat_idx ON scheduled_tasks (last_heartbeat)");
        // db-scheduler twice: fetching 4 executions per thread (16 at a time), and fetching as many
        // at a time
        // as
        // WinBack claims (its batch size), which is where db-scheduler's throughput is comparable
        int batch = BATCH;
        double[][] configs = {
          {1.0, 4.0},
          {
            Double.parseDouble(
                System.getProperty("dbsLower", String.valueOf(batch / 2.0 / THREADS))),
            Double.parseDouble(
                System.getProperty("dbsUpper", String.valueOf(batch / (double) THREADS)))
          }
        };
        System.out.printf(
            "WinBack batch %d; db-scheduler lock-and-fetch A (%.1f, %.1f) per thread, B (%.1f, %.1f)%n",
            batch, configs[0][0], configs[0][1], configs[1][0], configs[1][1]);
        for (int round = 0; round < warmUps; round++) { // every side compiles its hot code first
          double w = winBackRound(pool, store, steps, "w" + round);
          double a =
              WINBACK_ONLY ? Double.NaN : dbSchedulerRound(pool, steps, "wa" + round, configs[0]);
          double b =
              WINBACK_ONLY ? Double.NaN : dbSchedulerRound(pool, steps, "wb" + round, configs[1]);
          System.out.printf(
              "warm-up %d: WinBack %,.0f steps/s; db-scheduler A %,.0f, B %,.0f tasks/s; "
                  + "ratio to A %.2f, to B %.2f%n",
              round + 1, w, a, b, w / a, w / b);
        }
        double[] winBack = new double[rounds];
        double[] dbSchedulerA = new double[rounds];
        double[] dbSchedulerB = new double[rounds];
        for (int round = 0; round < rounds; round++) {
          winBack[round] = winBackRound(pool, store, steps, "m" + round);
          dbSchedulerA[round] =
              WINBACK_ONLY ? Double.NaN : dbSchedulerRound(pool, steps, "ma" + round, configs[0]);
          dbSchedulerB[round] =
              WINBACK_ONLY ? Double.NaN : dbSchedulerRound(pool, steps, "mb" + round, configs[1]);
          System.out.printf(
              "round %d: WinBack %,.0f steps/s; db-scheduler A %,.0f, B %,.0f tasks/s; "
                  + "ratio to A %.2f, to B %.2f%n",
              round + 1,
              winBack[round],
              dbSchedulerA[round],
              dbSchedulerB[round],
              winBack[round] / dbSchedulerA[round],
              winBack[round] / dbSchedulerB[round]);
        }
        double w = median(winBack);
        double a = median(dbSchedulerA);
        double b = median(dbSchedulerB);
        System.out.printf(
            "median: WinBack %,.0f steps/s; db-scheduler A %,.0f, B %,.0f tasks/s; ratio to A %.2f, "
                + "to B %.2f (%d each, %d threads)%n",
            w, a, b, w / a, w / b, steps, THREADS);
      }
    }
  }

  private static double winBackRound(
      HikariDataSource pool, JdbcPlanStore store, int steps, String round) throws Exception {
    for (String table : List.of("winback_plan", "winback_customer_plan", "winback_journal")) {
      execute(pool, "TRUNCATE " + table);
    }
    int ended = Integer.getInteger("ended", 0);
    if (ended > 0) { // plans that ran their course, as most plans in a store have: never due, never
      // claimed
      execute(
          pool,
          "INSERT INTO winback_plan (plan_id, customer_id, version, status, next_due, body) "
              + "SELECT 'ended' || i, 'ended' || i, 3, 'COMPLETED', NULL, repeat('x', 900) FROM generate_series(1, "
              + ended + ") AS i");
      execute(
          pool,
          "INSERT INTO winback_customer_plan (customer_id, plan_id) SELECT customer_id, plan_id "
              + "FROM winback_plan");
      execute(pool, "ANALYZE winback_plan");
      execute(pool, "ANALYZE winback_customer_plan");
    }
    AtomicInteger done = DONE;
    done.set(0);
    List<WinBack> runners = runners(pool, store);
    Instant lostAt = Instant.now().minusSeconds(60);
    for (int i = 0; i < steps; i++) {
      runners
          .get(0)
          .start(LostCustomer.builder()
              .id("r" + round + "c" + i)
              .displayName("C")
              .addContactPoint(
                  ContactPoint.of(Channel.EMAIL, "c" + i + "@example.com", Consent.GRANTED))
              .lostAt(lostAt)
              .churnSignal(ChurnSignal.SUBSCRIPTION_CANCELLED)
              .build());
    }
    ExecutorService threads = Executors.newFixedThreadPool(THREADS);
    long[] cpu = cpu();
    long wal = TIMED ? walBytes(pool) : 0;
    if (STATEMENTS) {
      execute(pool, "SELECT pg_stat_statements_reset()");
      execute(pool, "SELECT pg_stat_reset()");
    }
    if (Boolean.getBoolean("markWindow")) {
      System.out.printf("[window start %.6f]%n", System.nanoTime() / 1e9);
    }
    long start = System.nanoTime();
    List<Future<?>> work = new ArrayList<>();
    for (WinBack runner : runners) {
      work.add(threads.submit(() -> {
        while (done.get() < steps) {
          runner.runDue();
        }
        RUNNER_CPU.add(
            java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
      }));
    }
    for (Future<?> f : work) {
      f.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    if (Boolean.getBoolean("markWindow")) {
      System.out.printf("[window end %.6f]%n", System.nanoTime() / 1e9);
    }
    printCpu("WinBack", cpu, steps);
    if (TIMED) {
      System.out.printf(
          "  WinBack WAL per step: %.0f bytes%n", (walBytes(pool) - wal) / (double) steps);
    }
    if (STATEMENTS) {
      printStatements(pool, steps);
      printIndexReads(pool, steps);
    }
    if (TIMED) {
      System.out.printf(
          "  WinBack runner threads' CPU per step: %.1f us%n",
          RUNNER_CPU.sumThenReset() / 1e3 / steps);
    }
    threads.shutdown();
    if (TIMED) {
      TIMES.forEach((k, v) -> System.out.printf("  %s %.0f ms%n", k, v.sum() / 1e6));
      TIMES.clear();
    }
    return steps / seconds;
  }

  private static double dbSchedulerRound(
      HikariDataSource pool, int steps, String round, double[] lockAndFetch) throws Exception {
    execute(
        pool,
        "TRUNCATE scheduled_tasks"); // as WinBack's tables: no dead rows from earlier rounds for
    // either side
    java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(steps);
    OneTimeTask<Void> task =
        Tasks.oneTime("noop-" + round).execute((instance, context) -> done.countDown());
    Scheduler scheduler = Scheduler.create(pool, task)
        .threads(THREADS)
        .pollingInterval(Duration.ofMillis(Long.getLong("dbsPollMillis", 10)))
        .pollUsingLockAndFetch(lockAndFetch[0], lockAndFetch[1])
        .build();
    List<TaskInstance<?>> instances = new ArrayList<>();
    for (int i = 0; i < steps; i++) {
      instances.add(task.instance("t" + i));
    }
    scheduler.scheduleBatch(instances, Instant.now().minusSeconds(60));
    long[] cpu = cpu();
    long wal = TIMED ? walBytes(pool) : 0;
    if (STATEMENTS) {
      execute(pool, "SELECT pg_stat_statements_reset()");
    }
    long start = System.nanoTime();
    scheduler.start();
    done.await();
    double seconds = (System.nanoTime() - start) / 1e9;
    printCpu("db-scheduler", cpu, steps);
    if (TIMED) {
      System.out.printf(
          "  db-scheduler WAL per step: %.0f bytes%n", (walBytes(pool) - wal) / (double) steps);
    }
    if (STATEMENTS) {
      printStatements(pool, steps);
    }
    scheduler.stop();
    return steps / seconds;
  }

  /** One step per plan due at once (the apology rule exists for the linter; these customers never reach it). */
  private static Playbook playbook() {
    return Playbook.builder()
        .name("bench")
        .addRule(PlaybookRule.builder()
            .name("sorry")
            .when(RuleCondition.ourFault())
            .rationale("ours")
            .addSteps(
                StepTemplate.at(StepKind.APOLOGY, Duration.ZERO),
                StepTemplate.at(StepKind.FOLLOW_UP, Duration.ofDays(14)),
                StepTemplate.at(StepKind.GRACEFUL_GOODBYE, Duration.ofDays(20)))
            .build())
        .addRule(PlaybookRule.builder()
            .name("ask")
            .rationale("ask")
            .addSteps(
                StepTemplate.at(StepKind.FEEDBACK_REQUEST, Duration.ZERO),
                StepTemplate.at(StepKind.GRACEFUL_GOODBYE, Duration.ofDays(365)))
            .build())
        // the default caps apply; quiet hours are off so that the result does not depend on the
        // time of day
        .contactRules(ContactRules.builder().allowedHours(Map.of()).build())
        .build();
  }

  /** Where the database's write-ahead log is, in bytes. */
  private static long walBytes(HikariDataSource pool) throws Exception {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery("SELECT pg_current_wal_lsn() - '0/0'::pg_lsn")) {
      r.next();
      return r.getLong(1);
    }
  }

  /** The database settings that decide what a commit costs, for the record. */
  private static String settings(HikariDataSource pool) throws Exception {
    StringBuilder out = new StringBuilder();
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      for (String setting : List.of(
          "server_version", "fsync", "synchronous_commit", "full_page_writes", "shared_buffers")) {
        try (java.sql.ResultSet r = s.executeQuery("SHOW " + setting)) {
          r.next();
          out.append(out.length() == 0 ? "PostgreSQL: " : ", ")
              .append(setting)
              .append(' ')
              .append(r.getString(1));
        }
      }
    }
    return out.toString();
  }

  private static void execute(HikariDataSource pool, String sql) throws Exception {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static final boolean TIMED = Boolean.getBoolean("timed");
  /** WinBack's batch size: the engine's default, 500, unless -Dbatch says otherwise. */
  static final int BATCH = Integer.getInteger("batch", 500);
  /** Steps run in the current round, counted by the strategies. */
  private static final AtomicInteger DONE = new AtomicInteger();

  private static List<WinBack> runners;

  /** The runners, built once so that every round runs the same, already compiled code. */
  private static List<WinBack> runners(HikariDataSource pool, JdbcPlanStore store) {
    if (runners == null) {
      runners = new ArrayList<>();
      for (int i = 0; i < THREADS; i++) {
        dev.winback.spi.PlanStore runs =
            NO_CLAIM_WRITE ? withoutClaimWrites(store, pool, i) : store;
        runs = NO_FENCE ? withoutFence(runs) : runs;
        WinBackBuilder runner = WinBack.builder()
            .store(TIMED ? timed(runs) : runs)
            .playbook(playbook())
            .nodeId("bench-" + i)
            .feedback(c -> {
              DONE.incrementAndGet();
              return StepResult.sent();
            })
            .apology(c -> StepResult.sent())
            .incentives(c -> StepResult.sent())
            .reEngagement(c -> StepResult.sent());
        runners.add(runner.batchSize(BATCH).build());
      }
    }
    return runners;
  }

  static final boolean STATEMENTS = Boolean.getBoolean("statements");
  /** With -DnoClaimWrite=true: WinBack claims without writing anything, for a ceiling (see the class javadoc). */
  static final boolean NO_CLAIM_WRITE = Boolean.getBoolean("noClaimWrite");

  /**
   * The store with claims that write nothing: runner {@code partition} reads the due plans of its own partition of
   * plan ids (a power-of-two thread count makes the partitions), so no lease, no row lock and no claim contention.
   * Not safe for anything but this measurement: a runner that died would leave its partition unrun.
   */
  private static dev.winback.spi.PlanStore withoutClaimWrites(
      dev.winback.spi.PlanStore store, HikariDataSource pool, int partition) {
    if (Integer.bitCount(THREADS) != 1) {
      throw new IllegalArgumentException("-DnoClaimWrite needs a power-of-two -Dthreads");
    }
    return (dev.winback.spi.PlanStore) java.lang.reflect.Proxy.newProxyInstance(
        dev.winback.spi.PlanStore.class.getClassLoader(),
        new Class<?>[] {dev.winback.spi.PlanStore.class},
        (proxy, method, args) -> {
          if (!method.getName().equals("claimDue")) {
            try {
              return method.invoke(store, args);
            } catch (java.lang.reflect.InvocationTargetException e) {
              throw e.getCause();
            }
          }
          Instant now = (Instant) args[0];
          java.time.OffsetDateTime due =
              java.time.OffsetDateTime.ofInstant( // rounded up to micros, as the store does
                  now.plusNanos((1000 - now.getNano() % 1000) % 1000), java.time.ZoneOffset.UTC);
          List<dev.winback.spi.ClaimedPlan> plans = new ArrayList<>();
          try (Connection c = pool.getConnection();
              java.sql.PreparedStatement p = c.prepareStatement(
                  "SELECT body FROM winback_plan WHERE (hashtext(plan_id) & " + (THREADS - 1)
                      + ") = ? AND next_due <= ? " + "ORDER BY (hashtext(plan_id) & "
                      + (THREADS - 1) + "), next_due LIMIT ?")) {
            p.setInt(1, partition);
            p.setObject(2, due);
            p.setInt(3, (Integer) args[1]);
            try (java.sql.ResultSet r = p.executeQuery()) {
              while (r.next()) {
                plans.add(new dev.winback.spi.ClaimedPlan(
                    dev.winback.internal.Json.STORED.readValue(
                        r.getString(1), dev.winback.model.WinBackPlan.class),
                    false));
              }
            }
          }
          return plans;
        });
  }

  static final boolean WINBACK_ONLY = Boolean.getBoolean("winbackOnly");
  /** With -DnoFence=true: sends run without the customer fence, for what the fence costs (see the class javadoc). */
  static final boolean NO_FENCE = Boolean.getBoolean("noFence");

  /**
   * The store with a fence that holds nothing: decisions and sends run at once, without a lock or a version check.
   * Not safe for anything but this measurement: an opt-out would not stop a send in progress on another node.
   */
  private static dev.winback.spi.PlanStore withoutFence(dev.winback.spi.PlanStore store) {
    dev.winback.spi.CustomerFence none = new dev.winback.spi.CustomerFence() {
      @Override
      public <T> T decide(String customerId, java.util.function.Supplier<T> decision) {
        return decision.get();
      }

      @Override
      public <T> java.util.Optional<T> send(
          String customerId, String planId, long planVersion, java.util.function.Supplier<T> send) {
        return java.util.Optional.of(send.get());
      }
    };
    return (dev.winback.spi.PlanStore) java.lang.reflect.Proxy.newProxyInstance(
        dev.winback.spi.PlanStore.class.getClassLoader(),
        new Class<?>[] {dev.winback.spi.PlanStore.class},
        (proxy, method, args) -> {
          if (method.getName().equals("fence")) {
            return none;
          }
          try {
            return method.invoke(store, args);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  /** With -Dstatements=true: the database's execution time per step of each statement, from pg_stat_statements. */
  private static void printStatements(HikariDataSource pool, int steps) throws Exception {
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery(
            "SELECT calls, total_exec_time, rows, wal_bytes, query, shared_blks_hit FROM pg_stat_statements "
                + "ORDER BY total_exec_time DESC LIMIT 8")) {
      while (r.next()) {
        String query = r.getString(5).replaceAll("\\s+", " ");
        System.out.printf(
            "    %8.2f us/step %7d calls %8d rows %6.0f WAL bytes/step %5.1f blocks/step  %s%n",
            r.getDouble(2) * 1e3 / steps,
            r.getLong(1),
            r.getLong(3),
            r.getDouble(4) / steps,
            r.getDouble(6) / steps,
            query.substring(0, Math.min(90, query.length())));
      }
    }
  }

  /**
   * With -Dstatements=true: the index entries each of WinBack's indexes returned to scans, per step (how far claims
   * read past plans that other runners hold), after waiting for the database's backends to report their counts.
   */
  private static void printIndexReads(HikariDataSource pool, int steps) throws Exception {
    Thread.sleep(2_000); // backends report statistics when idle, at most once a second
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery(
            "SELECT indexrelname, idx_scan, idx_tup_read, idx_tup_fetch FROM pg_stat_user_indexes "
                + "WHERE indexrelname LIKE 'winback%' ORDER BY indexrelname")) {
      while (r.next()) {
        System.out.printf(
            "    index %s: %.2f scans, %.2f entries read, %.2f rows fetched per step%n",
            r.getString(1),
            r.getLong(2) / (double) steps,
            r.getLong(3) / (double) steps,
            r.getLong(4) / (double) steps);
      }
    }
  }

  static final java.util.concurrent.atomic.LongAdder RUNNER_CPU =
      new java.util.concurrent.atomic.LongAdder();
  static final java.util.concurrent.ConcurrentHashMap<String, java.util.concurrent.atomic.LongAdder>
      TIMES = new java.util.concurrent.ConcurrentHashMap<>();

  static dev.winback.spi.PlanStore timed(dev.winback.spi.PlanStore store) {
    return (dev.winback.spi.PlanStore) java.lang.reflect.Proxy.newProxyInstance(
        dev.winback.spi.PlanStore.class.getClassLoader(),
        new Class<?>[] {dev.winback.spi.PlanStore.class},
        (proxy, method, args) -> {
          long t = System.nanoTime();
          try {
            return method.invoke(store, args);
          } finally {
            TIMES
                .computeIfAbsent(method.getName(), k -> new java.util.concurrent.atomic.LongAdder())
                .add(System.nanoTime() - t);
          }
        });
  }

  /** This JVM's CPU time and the whole machine's busy CPU time, in nanoseconds. */
  private static long[] cpu() {
    if (TIMED) {
      ticksBefore = threadTicks();
    }
    long process = ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
    long machine = 0;
    try {
      String[] fields = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
          .get(0)
          .trim()
          .split("\\s+");
      for (int i = 1; i < fields.length; i++) {
        if (i != 4 && i != 5) { // all but idle and iowait
          machine += Long.parseLong(fields[i]);
        }
      }
      machine *= 10_000_000L; // clock ticks of 10 ms
    } catch (java.io.IOException | RuntimeException e) {
      machine = -1;
    }
    return new long[] {process, machine};
  }

  /** CPU ticks (10 ms) of this JVM's threads, native ones included, by name with digits dropped. */
  private static Map<String, Long> threadTicks() {
    Map<String, Long> ticks = new java.util.TreeMap<>();
    java.io.File[] tasks = new java.io.File("/proc/self/task").listFiles();
    if (tasks == null) {
      return ticks;
    }
    for (java.io.File task : tasks) {
      try {
        String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
        String name =
            stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]", "");
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        ticks.merge(name, Long.parseLong(fields[11]) + Long.parseLong(fields[12]), Long::sum);
      } catch (java.io.IOException | RuntimeException e) {
        // the thread ended meanwhile
      }
    }
    return ticks;
  }

  private static Map<String, Long> ticksBefore = Map.of();

  /** With -Dtimed=true: CPU time per step of this JVM and of everything else on the machine (the database). */
  private static void printCpu(String what, long[] before, int steps) {
    if (!TIMED) {
      return;
    }
    Map<String, Long> ticks = threadTicks();
    StringBuilder threads = new StringBuilder();
    ticks.forEach((name, t) -> {
      long delta = t - ticksBefore.getOrDefault(name, 0L);
      if (delta * 10_000_000L / steps >= 500) { // at least 0.5 us per step
        threads.append(String.format(" %s %.1f us;", name, delta * 1e7 / 1e3 / steps));
      }
    });
    ticksBefore = ticks;
    System.out.println("  JVM threads (may include a previous round's leftovers):" + threads);
    long[] after = cpu();
    long jvm = after[0] - before[0];
    long rest = after[1] - before[1] - jvm;
    System.out.printf(
        "  %s CPU per step: JVM %.1f us, rest of the machine %.1f us%n",
        what, jvm / 1e3 / steps, rest / 1e3 / steps);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
