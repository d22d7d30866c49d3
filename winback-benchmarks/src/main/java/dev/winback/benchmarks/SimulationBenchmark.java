package dev.winback.benchmarks;

import dev.winback.testkit.LostCustomers;
import dev.winback.testkit.WinBackSimulation;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a retention-rules test costs: a whole {@link WinBackSimulation} of 1,000 lost customers (a mix of the
 * kit's fixtures) run for 180 simulated days with {@code runDue} every hour, from building to the last tick.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
    value = 1,
    jvmArgs = {"-Xmx1g"})
public class SimulationBenchmark {

  @Param("1000")
  int customers;

  @Param("180")
  int days;

  /** Builds the simulation, starts every customer and runs it to the end. */
  @Benchmark
  public int simulate() {
    WinBackSimulation sim = WinBackSimulation.builder().build();
    for (int i = 0; i < customers; i++) {
      String id = "c" + i;
      sim.start(
          switch (i % 5) {
            case 0 -> LostCustomers.priceSensitive(id).build();
            case 1 -> LostCustomers.ourFault(id).build();
            case 2 -> LostCustomers.leftOverTooManyEmails(id).build();
            case 3 ->
              LostCustomers.highValueWithCompetitorContractEnding(id, LocalDate.of(2026, 4, 30))
                  .build();
            default -> LostCustomers.lost(id).build();
          });
    }
    sim.advanceDays(days);
    return sim.sent().size();
  }
}
