-- Idempotent POST /classify (Idempotency-Key request header). A decision made for a request that carried a key keeps
-- the key, the SHA-256 of the canonical request (ticketId, subject, description, channel, customerId, sourceSystem)
-- and the answer as it was sent, written in the same transaction as the decision itself. A repeat of the request is
-- answered from here without running the chain, logging or auditing again; the key sent with another request is
-- refused (422).
-- The unique index decides between concurrent first requests with one key: one insert wins, the others find the
-- winner's row (INSERT ... ON CONFLICT DO NOTHING) and answer its stored response.
-- Retention: no separate purge. A key is kept exactly as long as its decision row; whatever deletes a decision
-- frees its key.
-- The stored answer is built from sanitised text only, like everything the chain logs: its explanation may quote
-- the sanitised span a rule matched; customer ids and raw texts appear only as hashes.

ALTER TABLE decisions
    ADD COLUMN idempotency_key varchar(200),
    ADD COLUMN request_hash    char(64),
    ADD COLUMN response        jsonb;

-- All three or none. NOT VALID: every row written before this migration has none, so the table is not scanned under
-- an exclusive lock to prove it; new rows are checked.
ALTER TABLE decisions
    ADD CONSTRAINT decisions_idempotency_complete CHECK (
        (idempotency_key IS NULL AND request_hash IS NULL AND response IS NULL)
        OR (idempotency_key IS NOT NULL AND request_hash IS NOT NULL AND response IS NOT NULL)) NOT VALID;

CREATE UNIQUE INDEX decisions_idempotency_key ON decisions (idempotency_key) WHERE idempotency_key IS NOT NULL;
