-- WinBack schema, version 2: the operators' view of failures, quarantines and their own actions across every
-- customer (JdbcPlanStore.recentEvents) reads the newest of these rare events from a partial index instead of the
-- whole journal.
CREATE INDEX winback_journal_notable ON winback_journal (happened_at)
  WHERE type IN ('STEP_FAILED', 'PLAN_QUARANTINED', 'OPERATOR_ACTION');
