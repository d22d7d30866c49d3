/**
 * Durable plans on a relational database through plain {@code java.sql}: {@link dev.winback.jdbc.JdbcPlanStore}
 * and {@link dev.winback.jdbc.JdbcSuppressionList}, on PostgreSQL (primary) or H2.
 *
 * <p>The schema ships in the jar as versioned, commented scripts in {@code dev/winback/jdbc/} ({@code V1} to
 * {@code V4}), applied in order by {@link dev.winback.jdbc.JdbcPlanStore#migrate()}. Its tables:
 * {@code winback_plan} (each plan as a JSON document, with its version, next due time and lease),
 * {@code winback_customer_plan} (each customer's plans in the order they started), {@code winback_journal} (each
 * customer's events in order; the rows of steps that contacted the customer carry the channel and step kind),
 * {@code winback_grant} (reactivation grants), {@code winback_suppression} (fingerprints of suppressed addresses) and
 * {@code winback_schema} (the versions applied).
 */
@NullMarked
package dev.winback.jdbc;

import org.jspecify.annotations.NullMarked;
