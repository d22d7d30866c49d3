/**
 * WinBack's domain model: immutable values describing a lost customer, why they left, the plan to win them back
 * and its steps. Every type is built with a builder, checked when built (an {@link dev.winback.InvalidInputException}
 * names every problem) and round-trips through JSON with {@link dev.winback.WinBackJson}.
 *
 * <p>All types are immutable and thread-safe. Personal data (contact addresses, the customer's own words) is masked
 * in {@code toString()}, so values can be logged safely.
 */
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    redactedMask = "***",
    depluralize = true,
    throwForInvalidImmutableState = MissingAttributes.class,
    // only the JDK's source-retained @Generated: Immutables' own class-retained one lives in a compile-time-only
    // jar, and a consumer's javac warns that it cannot find it
    allowedClasspathAnnotations = javax.annotation.processing.Generated.class,
    defaults = @Value.Immutable(copy = true))
package dev.winback.model;

import dev.winback.internal.MissingAttributes;
import org.immutables.value.Value;
