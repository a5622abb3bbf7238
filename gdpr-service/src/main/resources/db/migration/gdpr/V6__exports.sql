-- Right-of-access exports (issue 18): a job row per POST /gdpr/export-customer-data, claimed by one runner at a time
-- (claim + claimed_at: a runner that stops is replaced after triage.gdpr.export.stale-after), deleted at expires_at.
-- customer_id is kept only while the job may still run (QUEUED/RUNNING) and removed when it finishes; the document
-- (the customer's data) is AES-256-GCM ciphertext, never plain JSON.
CREATE TABLE exports (
    id            UUID        PRIMARY KEY,
    customer_id   TEXT,
    customer_hash TEXT        NOT NULL,
    requested_by  TEXT        NOT NULL,
    state         TEXT        NOT NULL,
    attempts      INT         NOT NULL DEFAULT 0,
    run_after     TIMESTAMPTZ NOT NULL DEFAULT now(),
    claim         UUID,
    claimed_at    TIMESTAMPTZ,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    started_at    TIMESTAMPTZ,
    finished_at   TIMESTAMPTZ,
    expires_at    TIMESTAMPTZ NOT NULL,
    counts        JSONB,
    document      BYTEA,
    last_error    TEXT,
    CONSTRAINT exports_state CHECK (state IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX exports_open ON exports (run_after) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX exports_expiry ON exports (expires_at);
CREATE INDEX exports_customer ON exports (customer_hash);
