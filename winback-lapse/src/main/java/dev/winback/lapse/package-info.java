/**
 * Finding customers who left without saying so: the "buy till you die" models (BG/NBD, MBG/NBD, Pareto/NBD, the NBD
 * benchmark and the discrete-time BG/BB) and the Gamma-Gamma spend model, fitted by maximum likelihood over customer
 * summaries held in primitive columns (weighted rows, an L2 penalizer, starting values, standard errors from the
 * observed information); what they predict for one customer, a new customer, a cohort with staggered starts and a
 * whole population (probability alive, P(X(t) = n), expected purchases, DERT, {@link dev.winback.lapse.LifetimeValue});
 * summaries read from CSV or from transaction logs of any size and order ({@link dev.winback.lapse.TransactionLog});
 * and a {@link dev.winback.lapse.LapseDetector} that turns low probabilities of being alive into lost customers with
 * an estimate of their value attached.
 *
 * <p>The package is the {@code winback-lapse} artifact, which uses only the public API of {@code winback-core} and
 * jackson-dataformat-csv.
 */
@NullMarked
package dev.winback.lapse;

import org.jspecify.annotations.NullMarked;
