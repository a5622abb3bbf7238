-- The validated labels of a ticket (an agent's feedback through classify-service, or the source system's final
-- assignment): one current row per ticket. The latest validation wins by validated_at, so a redelivered or
-- out-of-order older validation changes nothing. Deleted with the ticket (GDPR erasure).
CREATE TABLE ticket_labels (
    ticket_id    UUID        PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    department   TEXT,
    urgency      TEXT,
    sentiment    TEXT,
    source       TEXT        NOT NULL,
    validated_by TEXT,
    validated_at TIMESTAMPTZ NOT NULL,
    stored_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT ticket_labels_any_label
        CHECK (department IS NOT NULL OR urgency IS NOT NULL OR sentiment IS NOT NULL)
);
-- GET /tickets/validated pages by (validated_at, ticket_id), starting at a point in time.
CREATE INDEX ticket_labels_by_validation ON ticket_labels (validated_at, ticket_id);
