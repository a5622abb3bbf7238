-- Training and retraining run as background jobs; a client polls GET /models/jobs/{id}.
-- At most one job is QUEUED or RUNNING across all replicas (the partial unique index), so a second request gets 409.
-- A job whose process died is failed by the next start of that instance, or by any replica once its heartbeat is
-- stale, so no job stays RUNNING forever.
CREATE TABLE training_jobs (
    id           UUID         PRIMARY KEY,
    trigger      TEXT         NOT NULL,
    state        TEXT         NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    stage        TEXT         NOT NULL,
    done         INTEGER      NOT NULL DEFAULT 0,
    total        INTEGER      NOT NULL DEFAULT 0,
    instance     TEXT         NOT NULL,
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    started_at   TIMESTAMPTZ,
    finished_at  TIMESTAMPTZ,
    heartbeat_at TIMESTAMPTZ  NOT NULL DEFAULT now(),
    result       JSONB,
    error        JSONB
);
CREATE UNIQUE INDEX training_jobs_one_active ON training_jobs ((true)) WHERE state IN ('QUEUED', 'RUNNING');
CREATE INDEX training_jobs_created_at ON training_jobs (created_at DESC);
