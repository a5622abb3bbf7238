-- The erasure saga (issue 18): a receipt per store with its delivery state, a due date per request, and no plain
-- customer id at rest once every store has answered (V4, a Java migration with the configured key, hashes the ids
-- of the requests recorded before this).

-- customer_id is kept only while a store may still need it (the stores are called with it); the transaction that
-- records the last store's answer removes it. customer_hash = hex HMAC-SHA256(triage.gdpr.customer-hash-key, id).
-- ticket_ids: the tickets ingestion-service erased, for classify-service and audit-service; removed with the id.
ALTER TABLE deletion_requests
    ALTER COLUMN customer_id DROP NOT NULL,
    ADD COLUMN customer_hash TEXT,
    ADD COLUMN due_at        TIMESTAMPTZ,
    ADD COLUMN ticket_ids    TEXT[];
UPDATE deletion_requests SET due_at = created_at + interval '30 days';
ALTER TABLE deletion_requests ALTER COLUMN due_at SET NOT NULL;
UPDATE deletion_requests SET status = 'IN_PROGRESS' WHERE status = 'PENDING';
CREATE INDEX deletion_requests_open ON deletion_requests (due_at) WHERE status = 'IN_PROGRESS';

-- state: PENDING (not answered), DONE (answered, final), FAILED (last delivery failed; delivered again).
-- Receipts recorded before this were answers, so DONE.
ALTER TABLE deletion_receipts
    ALTER COLUMN deleted_records DROP NOT NULL,
    ALTER COLUMN received_at DROP NOT NULL,
    ALTER COLUMN received_at DROP DEFAULT,
    ADD COLUMN state           TEXT NOT NULL DEFAULT 'DONE',
    ADD COLUMN attempts        INT  NOT NULL DEFAULT 1,
    ADD COLUMN last_attempt_at TIMESTAMPTZ,
    ADD COLUMN last_error      TEXT,
    ADD COLUMN details         JSONB;
UPDATE deletion_receipts SET last_attempt_at = received_at;
ALTER TABLE deletion_receipts ALTER COLUMN state DROP DEFAULT, ALTER COLUMN attempts SET DEFAULT 0;
-- An open request's ingestion answer is asked for again (below): only its first recorded answer reaches the other
-- stores, and ingestion replays the same count.
UPDATE deletion_receipts s
   SET state = 'PENDING', deleted_records = NULL, received_at = NULL
  FROM deletion_requests r
 WHERE r.id = s.request_id AND r.status = 'IN_PROGRESS' AND s.store = 'ingestion';

-- The erasure event no longer carries the customer id (publications are kept after delivery): strip it from the
-- ones already written.
UPDATE event_publication
   SET serialized_event = jsonb_build_object('requestId', CAST(serialized_event AS jsonb) -> 'requestId')::text
 WHERE event_type = 'io.triage.gdpr.erasure.CustomerErasureRequested';

-- Requests still open: embedding-service is now reached after ingestion-service (ErasureDelivery.eraseVectors takes
-- TicketsErased), so the old vector deliveries are retired and the ingestion step is made due again; it replays
-- (ingestion is idempotent on the request id) and reaches every store that has not answered.
UPDATE event_publication
   SET completion_date = now(), status = 'COMPLETED'
 WHERE completion_date IS NULL
   AND event_type = 'io.triage.gdpr.erasure.CustomerErasureRequested'
   AND listener_id LIKE '%.eraseVectors(%';
UPDATE event_publication p
   SET completion_date = NULL, status = 'FAILED'
  FROM deletion_requests r
 WHERE r.status = 'IN_PROGRESS'
   AND p.event_type = 'io.triage.gdpr.erasure.CustomerErasureRequested'
   AND p.listener_id LIKE '%.eraseTickets(%'
   AND CAST(p.serialized_event AS jsonb) ->> 'requestId' = CAST(r.id AS text);
