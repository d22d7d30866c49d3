/**
 * Durable plans on a relational database through plain {@code java.sql}: {@link dev.winback.jdbc.JdbcPlanStore}
 * and {@link dev.winback.jdbc.JdbcSuppressionList}, on PostgreSQL (primary) or H2. The schema ships in the jar as
 * {@code dev/winback/jdbc/V1__winback_schema.sql}.
 */
package dev.winback.jdbc;
