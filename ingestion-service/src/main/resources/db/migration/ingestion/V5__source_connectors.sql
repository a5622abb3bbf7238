-- What the ticketing systems say about a ticket beyond its text: their human number (INC0010002, SUP-123, 35436),
-- their own priority, when they created it, and the source-specific fields we keep for later mapping (JSON).
-- Nullable: imported tickets and tickets stored before the connectors have none.
ALTER TABLE tickets
    ADD COLUMN number            TEXT,
    ADD COLUMN source_priority   TEXT,
    ADD COLUMN source_created_at TIMESTAMPTZ,
    ADD COLUMN source_fields     JSONB;

-- Webhook deliveries already accepted, keyed by the source's delivery id (Zendesk event id, Jira webhook
-- identifier) or, where a source sends none (ServiceNow), the SHA-256 of the raw body. A redelivery changes nothing.
CREATE TABLE webhook_deliveries (
    source      TEXT        NOT NULL,
    delivery_id TEXT        NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (source, delivery_id)
);

-- How far each source has been pulled: the newest source updated-at seen (the next pull starts a little before it)
-- and, for Zendesk's cursor export, the cursor to resume from. Committed with every page.
CREATE TABLE sync_watermarks (
    source       TEXT        PRIMARY KEY,
    updated_upto TIMESTAMPTZ,
    cursor       TEXT,
    committed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
