/**
 * Learning from lost customers: win-back rates with confidence intervals, time to win back and return on
 * incentives ({@link dev.winback.insight.Outcomes}); holdout and A/B experiment results
 * ({@link dev.winback.insight.ExperimentResults}); root causes over time with alerts when one rises
 * ({@link dev.winback.insight.RootCauses}); loyal customers worth a check-in ({@link dev.winback.insight.CheckIns});
 * and a readable report in JSON or self-contained HTML ({@link dev.winback.insight.InsightReport}).
 *
 * <p>Everything here is pure computation over plans the engine produced; nothing is contacted or stored. The
 * package is the {@code winback-insights} artifact, which uses only the public API of {@code winback-core}.
 */
@NullMarked
package dev.winback.insight;

import org.jspecify.annotations.NullMarked;
