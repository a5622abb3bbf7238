-- Pull runs (POST /sources/{source}/sync and the hourly schedule), so a caller can poll the one it started.
CREATE TABLE sync_runs (
    id            UUID        PRIMARY KEY,
    source        TEXT        NOT NULL,
    trigger       TEXT        NOT NULL,
    status        TEXT        NOT NULL,
    pages         INT         NOT NULL DEFAULT 0,
    tickets_seen  INT         NOT NULL DEFAULT 0,
    error         TEXT,
    started_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at   TIMESTAMPTZ
);
CREATE INDEX sync_runs_by_source ON sync_runs (source, started_at DESC);
