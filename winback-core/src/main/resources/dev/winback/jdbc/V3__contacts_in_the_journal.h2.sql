-- WinBack schema, version 3 (H2): a contact is the journal row of the step that made it, marked with its channel
-- and step kind, instead of a second row in winback_contact.
-- Apply with JdbcPlanStore.migrate(), or copy this file into your own Flyway or Liquibase migrations after V2.

ALTER TABLE winback_journal ADD COLUMN contact_channel VARCHAR(10);
ALTER TABLE winback_journal ADD COLUMN contact_kind VARCHAR(30);

-- Each contact row was written with its STEP_DONE journal row, in the same transaction and order: pair them up.
MERGE INTO winback_journal j
USING (SELECT e.seq, c.channel, c.kind
       FROM (SELECT seq, customer_id, plan_id, at_micros,
                    row_number() OVER (PARTITION BY customer_id, plan_id, at_micros ORDER BY seq) AS n
             FROM winback_journal WHERE type = 'STEP_DONE') e
       JOIN (SELECT customer_id, plan_id, at_micros, channel, kind,
                    row_number() OVER (PARTITION BY customer_id, plan_id, at_micros ORDER BY seq) AS n
             FROM winback_contact) c
         ON c.customer_id = e.customer_id AND c.plan_id = e.plan_id AND c.at_micros = e.at_micros AND c.n = e.n) m
ON (j.seq = m.seq)
WHEN MATCHED THEN UPDATE SET contact_channel = m.channel, contact_kind = m.kind;

CREATE INDEX winback_journal_contacts ON winback_journal (customer_id, at_micros);

DROP TABLE winback_contact;
