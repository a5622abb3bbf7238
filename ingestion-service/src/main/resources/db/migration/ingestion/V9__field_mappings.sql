-- Field mappings: per ticketing system, how a decision is written back (YAML, see the README). Every version of a
-- source's mapping is kept: the one DRAFT being edited, the one PUBLISHED the write-back uses, and ARCHIVED ones a
-- rollback can publish again. Partial unique indexes make "one draft" and "one published version" per source hold
-- even under concurrent publishes; publish and rollback also take a per-source advisory lock.
CREATE TABLE field_mapping_versions (
    source       TEXT        NOT NULL CHECK (source IN ('SERVICENOW', 'ZENDESK', 'JIRA')),
    version      INT         NOT NULL CHECK (version > 0),
    state        TEXT        NOT NULL CHECK (state IN ('DRAFT', 'PUBLISHED', 'ARCHIVED')),
    yaml         TEXT        NOT NULL,
    created_by   TEXT        NOT NULL,
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    published_by TEXT,
    published_at TIMESTAMPTZ,
    reason       TEXT,
    PRIMARY KEY (source, version)
);
CREATE UNIQUE INDEX field_mapping_one_draft ON field_mapping_versions (source) WHERE state = 'DRAFT';
CREATE UNIQUE INDEX field_mapping_one_published ON field_mapping_versions (source) WHERE state = 'PUBLISHED';

-- What was published when, by whom and why: publish and rollback each append a row, so the history of which version
-- was in use at any time is never lost. The newest row per source names the published version (replicas poll it).
CREATE TABLE field_mapping_activations (
    id           BIGSERIAL   PRIMARY KEY,
    source       TEXT        NOT NULL,
    version      INT         NOT NULL,
    action       TEXT        NOT NULL CHECK (action IN ('publish', 'rollback')),
    activated_by TEXT        NOT NULL,
    activated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    reason       TEXT        NOT NULL,
    FOREIGN KEY (source, version) REFERENCES field_mapping_versions (source, version)
);
CREATE INDEX field_mapping_activations_by_source ON field_mapping_activations (source, id DESC);
