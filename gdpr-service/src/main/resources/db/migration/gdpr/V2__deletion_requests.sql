-- One row per GDPR erasure request; the receipts say what each store deleted.
CREATE TABLE deletion_requests (
    id           UUID        PRIMARY KEY,
    customer_id  TEXT        NOT NULL,
    requested_by TEXT        NOT NULL,
    reason       TEXT,
    status       TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at TIMESTAMPTZ
);

CREATE TABLE deletion_receipts (
    request_id      UUID        NOT NULL REFERENCES deletion_requests (id),
    store           TEXT        NOT NULL,
    deleted_records BIGINT      NOT NULL,
    received_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (request_id, store)
);
