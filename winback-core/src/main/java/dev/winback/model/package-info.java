/**
 * WinBack's domain model: immutable values describing a lost customer, why they left, the plan to win them back
 * and its steps. Every type is built with a builder, checked when built (an {@link dev.winback.InvalidInputException}
 * names every problem) against the {@link dev.winback.model.Limits} that every store can hold, and round-trips
 * through JSON with {@link dev.winback.WinBackJson}. Types are made only by their builders and factories: they
 * cannot be subclassed.
 *
 * <p>All types are immutable and thread-safe. Personal data (contact addresses, the customer's own words) is masked
 * in {@code toString()}, so values can be logged safely.
 */
@ModelStyle
@NullMarked
package dev.winback.model;

import org.jspecify.annotations.NullMarked;
