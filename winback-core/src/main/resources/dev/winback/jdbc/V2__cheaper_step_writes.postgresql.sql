-- WinBack schema, version 2 (PostgreSQL): cheaper writes for each step run.
-- Apply with JdbcPlanStore.migrate(), or copy this file into your own Flyway or Liquibase migrations after V1.

-- Leave room on each page, so that taking and extending a lease rewrites the plan row on its own page without
-- touching any index (a heap-only tuple update).
ALTER TABLE winback_plan SET (fillfactor = 70);

-- A customer's plans are ordered through winback_plan_by_customer (customer_id, seq); the separate unique index on
-- seq was one more index entry to write on every plan update, and nothing looked it up.
ALTER TABLE winback_plan DROP CONSTRAINT winback_plan_seq_key;

-- Only active plans have a next due time: ended plans (most of them, in time) stay out of the due index.
DROP INDEX winback_plan_by_due;
CREATE INDEX winback_plan_by_due ON winback_plan (next_due) WHERE next_due IS NOT NULL;
