-- The sanitised copy of every ticket: the only ticket text that leaves ingestion-service. `seq` grows with every
-- insert or change, so consumers (embedding-service) page through new and changed tickets with a cursor.
CREATE SEQUENCE tickets_clean_seq;

CREATE TABLE tickets_clean (
    ticket_id         UUID        PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    seq               BIGINT      NOT NULL DEFAULT nextval('tickets_clean_seq'),
    text              TEXT        NOT NULL,
    pii_types         TEXT[]      NOT NULL,
    source_updated_at TIMESTAMPTZ NOT NULL,
    sanitised_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX tickets_clean_by_seq ON tickets_clean (seq);
