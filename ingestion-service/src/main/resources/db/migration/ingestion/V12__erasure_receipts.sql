-- Applied erasures keep the ids of the tickets they erased (gdpr-service passes them on to classify-service and
-- audit-service; a replay answers them again) until triage.ingestion.erasure.ticket-ids-retention has passed, and
-- a keyed hash of the customer id instead of the id: V13, a Java migration with the configured key, hashes the rows
-- recorded before this and drops the plain column.
ALTER TABLE erasures
    ADD COLUMN ticket_ids    TEXT[],
    ADD COLUMN customer_hash TEXT;
