-- Every published rule set, immutable once written: who published it, when and why.
CREATE TABLE rule_set_version (
    version    INT PRIMARY KEY,
    yaml       TEXT        NOT NULL,
    rule_count INT         NOT NULL,
    created_by TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    reason     TEXT        NOT NULL
);

-- Which version is active: the newest row wins. Publish and rollback append a row, so the history of what was
-- active when (and who switched it, and why) is never lost.
CREATE TABLE rule_set_activation (
    id           BIGSERIAL PRIMARY KEY,
    version      INT         NOT NULL REFERENCES rule_set_version (version),
    action       TEXT        NOT NULL CHECK (action IN ('seed', 'publish', 'rollback')),
    activated_by TEXT        NOT NULL,
    activated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    reason       TEXT        NOT NULL
);

-- The one working draft analysts edit before publishing.
CREATE TABLE rule_set_draft (
    id         INT PRIMARY KEY CHECK (id = 1),
    yaml       TEXT        NOT NULL,
    updated_by TEXT        NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Agent feedback on tickets a rule routed, aggregated per rule and version.
CREATE TABLE rule_feedback (
    rule_id    TEXT   NOT NULL,
    version    INT    NOT NULL,
    correct    BIGINT NOT NULL DEFAULT 0,
    incorrect  BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (rule_id, version)
);
