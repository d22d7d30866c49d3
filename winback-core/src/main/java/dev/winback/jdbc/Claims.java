package dev.winback.jdbc;

import dev.winback.model.PlanStep;
import dev.winback.model.StepStatus;
import dev.winback.model.WinBackPlan;
import dev.winback.spi.ClaimedPlan;
import dev.winback.spi.DueStep;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The store's due steps and their claims: finding due steps, leasing due plans to a runner (quarantining those that
 * cannot be read), and extending or releasing leases. Thread-safe: it holds only the data source, the dialect and
 * the (thread-safe) quarantine.
 */
final class Claims {
  private final DataSource dataSource;
  private final Dialect dialect;
  private final Quarantine quarantine;

  Claims(DataSource dataSource, Dialect dialect, Quarantine quarantine) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.quarantine = quarantine;
  }

  /** See {@link dev.winback.spi.PlanStore#dueSteps}. */
  List<DueStep> dueSteps(Instant now, int limit) {
    return Transactions.read(dataSource, "find due steps", c -> {
      try (PreparedStatement p = c.prepareStatement(
          "SELECT body FROM winback_plan WHERE next_due <= ? ORDER BY next_due LIMIT ?")) {
        Rows.setTime(p, 1, now);
        p.setInt(2, limit);
        List<DueStep> due = new ArrayList<>();
        try (ResultSet r = p.executeQuery()) {
          while (r.next()) {
            Rows.tryRead(r.getString(1), WinBackPlan.class)
                .ifPresent(plan -> addDue(plan, now, due));
          }
        }
        due.sort(Comparator.comparing(DueStep::dueAt));
        return due.size() > limit ? List.copyOf(due.subList(0, limit)) : due;
      }
    });
  }

  private static void addDue(WinBackPlan plan, Instant now, List<DueStep> due) {
    if (!plan.status().isActive()) {
      return;
    }
    for (PlanStep step : plan.steps()) {
      if (step.status() == StepStatus.PENDING && !step.dueAt().isAfter(now)) {
        due.add(new DueStep(plan.id(), step.index(), step.dueAt()));
      }
    }
  }

  /** See {@link dev.winback.spi.PlanStore#claimDue}; a plan whose row cannot be read is quarantined instead. */
  List<ClaimedPlan> claimDue(Instant now, int limit, String owner, Duration lease) {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(lease, "lease");
    return Transactions.write(dataSource, "claim due steps", c -> {
      List<ClaimedPlan> plans = new ArrayList<>();
      for (Rows.ClaimedRow row : dialect.claim(c, now, limit, owner, lease)) {
        Optional<WinBackPlan> plan = Rows.tryRead(row.body(), WinBackPlan.class);
        if (plan.isEmpty()) {
          quarantine.quarantine(c, row, now);
          continue;
        }
        boolean orphans =
            plan.get().steps().stream().anyMatch(step -> step.status() == StepStatus.RUNNING);
        plans.add(new ClaimedPlan(plan.get(), row.lapsed() || orphans));
      }
      plans.sort(Comparator.comparing(p -> p.plan().nextDue().orElse(Instant.MAX)));
      return plans;
    });
  }

  /** See {@link dev.winback.spi.PlanStore#extendClaims}. */
  void extendClaims(String owner, Collection<String> planIds, Duration lease) {
    if (!planIds.isEmpty()) {
      Transactions.write(dataSource, "extend claims", c -> {
        dialect.extendLeases(c, owner, planIds, lease);
        return true;
      });
    }
  }

  /** See {@link dev.winback.spi.PlanStore#releaseClaims}. */
  void releaseClaims(String owner, Collection<String> planIds) {
    if (!planIds.isEmpty()) {
      Transactions.write(dataSource, "release claims", c -> {
        dialect.releaseLeases(c, owner, planIds);
        return true;
      });
    }
  }
}
