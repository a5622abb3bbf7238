-- Model tracking and registry of the ML tier: one row per training run, one per registered model version.

CREATE TABLE training_runs (
    id               UUID         PRIMARY KEY,
    started_at       TIMESTAMPTZ  NOT NULL,
    duration_ms      BIGINT       NOT NULL,
    trigger          TEXT         NOT NULL,
    params           JSONB        NOT NULL,
    metrics          JSONB        NOT NULL,
    data_fingerprint TEXT         NOT NULL,
    report           JSONB        NOT NULL
);

-- Stages move None -> Staging -> Production -> Archived; at most one version is in Staging and one in Production.
CREATE TABLE model_versions (
    version          BIGINT       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    run_id           UUID         NOT NULL REFERENCES training_runs (id),
    stage            TEXT         NOT NULL CHECK (stage IN ('NONE', 'STAGING', 'PRODUCTION', 'ARCHIVED')),
    macro_f1         DOUBLE PRECISION NOT NULL,
    baseline_f1      DOUBLE PRECISION,
    decision         TEXT         NOT NULL,
    artifact         BYTEA        NOT NULL,
    artifact_sha256  CHAR(64)     NOT NULL,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    stage_changed_at TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX model_versions_one_production ON model_versions (stage) WHERE stage = 'PRODUCTION';
CREATE UNIQUE INDEX model_versions_one_staging ON model_versions (stage) WHERE stage = 'STAGING';
