-- WinBack schema, version 2: the operators' view of failures, quarantines and their own actions across every
-- customer (JdbcPlanStore.recentEvents) reads the newest events of a type from an index instead of the whole journal.
CREATE INDEX winback_journal_notable ON winback_journal (type, happened_at);
