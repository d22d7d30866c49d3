/**
 * Finding customers who left without saying so: the "buy till you die" models (BG/NBD, MBG/NBD, Pareto/NBD) and the
 * Gamma-Gamma spend model, fitted by maximum likelihood over customer summaries held in primitive columns, and a
 * {@link dev.winback.lapse.LapseDetector} that turns low probabilities of being alive into lost customers with an
 * estimate of their value attached.
 *
 * <p>The package is the {@code winback-lapse} artifact, which uses only the public API of {@code winback-core}.
 */
@NullMarked
package dev.winback.lapse;

import org.jspecify.annotations.NullMarked;
