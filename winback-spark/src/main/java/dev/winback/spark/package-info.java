/**
 * The lapse models beyond one machine: {@link dev.winback.spark.SparkSummaries} builds customer summaries from a
 * Spark DataFrame of transactions, {@link dev.winback.spark.SparkFit} fits the models by summing log-likelihood and
 * gradient over the partitions (the optimiser runs on the driver; each evaluation is one Spark job over cached
 * partitions), and {@link dev.winback.spark.SparkScoring} adds the probability of being alive, expected purchases
 * and value as columns. Spark is the application's dependency, not this module's.
 */
@NullMarked
package dev.winback.spark;

import org.jspecify.annotations.NullMarked;
