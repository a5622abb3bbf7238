-- GDPR erasure in classify (issue 18): POST /internal/erasures deletes a customer's decisions, their feedback, the
-- cache reuse accounting of their tickets and their LLM calls, and answers a receipt.

-- The customer hash of new rows is HMAC-SHA256 under triage.classify.customer-hash-key. Rows written before this
-- migration keep their unsalted SHA-256: it cannot be re-keyed here without the customer ids, so an erasure matches
-- both forms.
COMMENT ON COLUMN decisions.customer_hash IS
    'hex HMAC-SHA256 of the customer id under triage.classify.customer-hash-key; older rows: unsalted SHA-256';
CREATE INDEX decisions_customer ON decisions (customer_hash) WHERE customer_hash IS NOT NULL;

-- An LLM call names the decision and ticket it was made for. Calls logged before this migration name neither (they
-- hold a prompt hash, tokens and cost only) and stay.
ALTER TABLE llm_calls
    ADD COLUMN decision_id uuid,
    ADD COLUMN ticket_id   varchar(128);
CREATE INDEX llm_calls_decision ON llm_calls (decision_id) WHERE decision_id IS NOT NULL;
CREATE INDEX llm_calls_ticket ON llm_calls (ticket_id) WHERE ticket_id IS NOT NULL;

-- Erasures applied, keyed by gdpr-service's request id, so a redelivered request is answered with the first receipt
-- and deletes nothing new. The receipt holds counts only: no customer id, hash or ticket id.
CREATE TABLE erasures (
    request_id      uuid PRIMARY KEY,
    deleted_records bigint      NOT NULL,
    details         jsonb       NOT NULL,
    erased_at       timestamptz NOT NULL DEFAULT now()
);
