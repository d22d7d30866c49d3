/**
 * WinBack's domain model: immutable values describing a lost customer, why they left, the plan to win them back
 * and its steps. Every type is built with a builder, checked when built (an {@link dev.winback.InvalidInputException}
 * names every problem) and round-trips through JSON with {@link dev.winback.WinBackJson}.
 *
 * <p>All types are immutable and thread-safe. Personal data (contact addresses, the customer's own words) is masked
 * in {@code toString()}, so values can be logged safely.
 */
@ModelStyle
@NullMarked
package dev.winback.model;

import org.jspecify.annotations.NullMarked;
