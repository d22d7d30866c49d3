/**
 * Durable plans on a relational database through plain {@code java.sql}: {@link dev.winback.jdbc.JdbcPlanStore}
 * and {@link dev.winback.jdbc.JdbcSuppressionList}, on PostgreSQL (primary) or H2. Everything that differs between
 * the two databases lives in one dialect type per database.
 *
 * <p><b>Guarantee:</b> every due step is invoked at least once; again only after a crash, a lapsed lease or a store
 * failure before its result was recorded, and then always with the same idempotency key.
 *
 * <p><b>Schema.</b> One commented script per database ships in the jar, {@code dev/winback/jdbc/V1__winback_schema}
 * {@code .postgresql.sql} or {@code .h2.sql}, applied by {@link dev.winback.jdbc.JdbcPlanStore#migrate()} (many
 * nodes may start at once: one migrates under a lock while the others wait; each applied script is recorded in
 * {@code winback_schema} with its SHA-256 checksum, and a recorded script that differs from the shipped one stops
 * the migration with a {@link dev.winback.jdbc.SchemaMismatchException}), or by the host's own Flyway or Liquibase
 * with that file named {@code V1__winback_schema.sql}. Times are {@code timestamptz} (H2:
 * {@code TIMESTAMP WITH TIME ZONE}); text columns have no small length limit (the model's validation bounds what is
 * stored). Its tables:
 * <ul>
 *   <li>{@code winback_plan}: each plan as a JSON document ({@code body}) with its {@code version} (optimistic
 *       locking), {@code status}, {@code next_due} (the due time of its next unfinished step, NULL once ended) and
 *       lease ({@code lease_owner}, {@code lease_until}, by the database clock). PostgreSQL keeps its pages half full
 *       ({@code fillfactor = 50}) so that a step's two row versions stay on the row's page, the lease without
 *       touching an index. Indexes: the primary key; {@code winback_plan_by_due} on {@code next_due} (on PostgreSQL
 *       partial: active plans only); the one-active-plan constraint (PostgreSQL: the partial unique index
 *       {@code winback_plan_one_active} on {@code customer_id} where {@code status = 'ACTIVE'}; H2: a unique
 *       generated column {@code active_customer}); quarantined plans ({@code winback_plan_quarantined}, partial, on
 *       PostgreSQL; {@code winback_plan_by_status} on H2).</li>
 *   <li>{@code winback_customer_plan}: each customer's plans in the order they started, keyed
 *       {@code (customer_id, seq)}; written once per plan.</li>
 *   <li>{@code winback_journal}: each customer's events in order as JSON documents, keyed {@code (customer_id, seq)},
 *       the one index every journal and contact-history read uses; the rows of steps that contacted the customer
 *       carry {@code contact_channel} and {@code contact_kind}.</li>
 *   <li>{@code winback_grant}: reactivation grants, indexed by customer.</li>
 *   <li>{@code winback_suppression}: keyed fingerprints of suppressed customer ids and addresses.</li>
 *   <li>{@code winback_fence} (H2 only): one row per customer lock key (a 32-bit hash of the id, never the id), the
 *       fence's row locks. On PostgreSQL the fence uses advisory locks and the function {@code winback_fence_send}.</li>
 *   <li>{@code winback_schema} (and on H2 {@code winback_schema_lock}): the versions applied and the migration
 *       lock; created by {@code migrate()}, not by the script.</li>
 * </ul>
 *
 * <p><b>Fence.</b> {@link dev.winback.jdbc.JdbcPlanStore#fence()} keeps sends to a customer and decisions about them
 * apart on every node: a decision takes the customer's lock exclusively in one transaction that every store and
 * suppression-list call of its thread on the same data source joins; a send takes it shared (H2: exclusively) and
 * checks the plan's version after the lock is granted. Its javadoc says what is locked, how long, on which
 * connection and at what cost.
 */
@NullMarked
package dev.winback.jdbc;

import org.jspecify.annotations.NullMarked;
