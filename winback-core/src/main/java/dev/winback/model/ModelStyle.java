package dev.winback.model;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;

/**
 * The Immutables style of the model's values, applied to the package. It is kept to the source: on the package
 * itself, Immutables' class-retained {@code @Value.Style} would be read by a user's compiler (and by Error Prone or
 * NullAway when they look for package annotations), which warns that Immutables' compile-time-only annotations
 * cannot be found.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.SOURCE)
@Value.Style(
    visibility = Value.Style.ImplementationVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    redactedMask = "***",
    depluralize = true,
    throwForInvalidImmutableState = MissingAttributes.class,
    // only the JDK's source-retained @Generated: Immutables' own class-retained one lives in a
    // compile-time-only
    // jar, and a user's compiler warns that it cannot find it
    allowedClasspathAnnotations = javax.annotation.processing.Generated.class,
    defaults = @Value.Immutable(copy = true))
@interface ModelStyle {}
