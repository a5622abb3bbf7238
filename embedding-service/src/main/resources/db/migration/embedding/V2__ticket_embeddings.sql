-- The source of truth for vectors: one row per ticket and model. The vector index (Lucene or Qdrant) is rebuilt and
-- reconciled from this table; the revision grows with every change so a stale index entry can be recognised.
CREATE TABLE ticket_embeddings (
    ticket_id    TEXT        NOT NULL,
    model        TEXT        NOT NULL,
    dimension    INT         NOT NULL,
    vector       REAL[]      NOT NULL,
    content_hash TEXT        NOT NULL,
    customer_id  TEXT        NOT NULL,
    department   TEXT,
    urgency      TEXT,
    sentiment    TEXT,
    created_at   TIMESTAMPTZ NOT NULL,
    revision     BIGINT      NOT NULL,
    embedded_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (model, ticket_id),
    CONSTRAINT ticket_embeddings_dimension CHECK (cardinality(vector) = dimension)
);
CREATE INDEX ticket_embeddings_customer ON ticket_embeddings (customer_id);
CREATE INDEX ticket_embeddings_ticket ON ticket_embeddings (ticket_id);

-- Revisions come from one sequence so that a delete followed by a re-insert never reuses a revision.
CREATE SEQUENCE ticket_embedding_revisions;

-- Backfills of ticket files: the checkpoint is the number of lines whose tickets are committed, advanced in the same
-- transaction as those tickets' rows, so a crash resumes exactly after the last committed batch.
CREATE TABLE backfills (
    id              UUID        PRIMARY KEY,
    file_name       TEXT        NOT NULL,
    file_sha256     TEXT        NOT NULL,
    model           TEXT        NOT NULL,
    status          TEXT        NOT NULL,
    lines_done      BIGINT      NOT NULL DEFAULT 0,
    tickets_done    BIGINT      NOT NULL DEFAULT 0,
    error           TEXT,
    started_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    CONSTRAINT backfills_file_once UNIQUE (file_sha256, model)
);

-- Position of the scheduled sync in ingestion-service's feed of sanitised tickets.
CREATE TABLE sync_cursors (
    feed       TEXT        PRIMARY KEY,
    cursor     TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
