-- Raw tickets as received from ServiceNow / Zendesk / Jira (or imported). Only ingestion-service ever reads the raw
-- text; everything downstream sees the sanitised copy.
CREATE TABLE tickets (
    id                UUID        PRIMARY KEY,
    source            TEXT        NOT NULL,
    external_id       TEXT        NOT NULL,
    customer_id       TEXT,
    channel           TEXT,
    subject           TEXT        NOT NULL,
    description       TEXT        NOT NULL,
    source_updated_at TIMESTAMPTZ NOT NULL,
    received_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT tickets_source_external_id UNIQUE (source, external_id)
);
CREATE INDEX tickets_customer_id ON tickets (customer_id);

-- GDPR erasures already applied, keyed by the request id, so a redelivered request is answered, not re-applied.
CREATE TABLE erasures (
    request_id      UUID        PRIMARY KEY,
    customer_id     TEXT        NOT NULL,
    deleted_tickets BIGINT      NOT NULL,
    applied_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
