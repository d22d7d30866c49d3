/**
 * WinBack through Micrometer: {@link dev.winback.micrometer.WinBackMetrics} counts and times what the engine does,
 * wraps every step in an Observation (so that Micrometer Tracing or OpenTelemetry sees it) and gauges the due
 * backlog. Tags are step kinds, channels and outcomes only: never a customer's id or data.
 */
@NullMarked
package dev.winback.micrometer;

import org.jspecify.annotations.NullMarked;
