-- Decision events on their way to audit-service: a transactional outbox. A row is written by the same statement
-- that logs the decision, so a decision is never logged without its event, and AuditRelay sends the rows to
-- audit-service in batches (one HTTP request for up to triage.classify.audit.batch-size events), deleting them once
-- audit-service has stored them (it is idempotent on the event id, so a resend after a crash is harmless).
-- This replaces one Spring Modulith publication row, one listener transaction and one HTTP request per decision.
CREATE TABLE audit_outbox (
    decision_id uuid        PRIMARY KEY,
    event       text        NOT NULL,  -- audit-service's JSON event, exactly as it is sent
    created_at  timestamptz NOT NULL DEFAULT now(),
    -- audit-service refused the event itself (a 4xx for it alone): kept for an operator, never sent again
    rejected    text
);
CREATE INDEX audit_outbox_pending ON audit_outbox (created_at) WHERE rejected IS NULL;

-- Decision events still waiting in Spring Modulith's registry (delivered one by one before this migration) move
-- to the outbox, so none is lost in the upgrade.
INSERT INTO audit_outbox (decision_id, event, created_at)
SELECT (serialized_event::jsonb ->> 'decisionId')::uuid,
       jsonb_build_object(
           'eventId', serialized_event::jsonb -> 'decisionId',
           'ticketId', serialized_event::jsonb -> 'ticketId',
           'userId', serialized_event::jsonb -> 'userId',
           'modelVersion', serialized_event::jsonb -> 'modelVersion',
           'ruleSetVersion', serialized_event::jsonb -> 'ruleSetVersion',
           'routingMethod', serialized_event::jsonb -> 'routingMethod',
           'prediction', jsonb_build_object(
               'department', serialized_event::jsonb -> 'department',
               'urgency', serialized_event::jsonb -> 'urgency',
               'sentiment', serialized_event::jsonb -> 'sentiment'),
           'confidence', round((serialized_event::jsonb ->> 'confidence')::numeric, 4),
           'decidedAt', serialized_event::jsonb -> 'decidedAt',
           'channel', serialized_event::jsonb -> 'channel',
           'tierLatenciesMicros', serialized_event::jsonb -> 'tierLatenciesMicros',
           'traceId', serialized_event::jsonb -> 'traceId')::text,
       publication_date
FROM event_publication
WHERE completion_date IS NULL AND event_type = 'io.triage.classify.decision.DecisionRecorded'
ON CONFLICT (decision_id) DO NOTHING;
DELETE FROM event_publication WHERE event_type = 'io.triage.classify.decision.DecisionRecorded';
