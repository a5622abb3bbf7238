-- Write-backs: what each stored decision wrote (or failed to write) to its ticket in ServiceNow, Zendesk or Jira. One
-- row per decision (decision_id unique), so a redelivered DecisionStored event finds the row instead of writing twice.
-- An attempt is counted (attempts + 1) before the source is called: a row with attempts > 0 may already have its note
-- in the source, so the next attempt looks for the plan's marker first. FAILED is the dead letter (last_status and
-- last_error say why); POST /writebacks/{id}/replay sets it PENDING again. Goes with its ticket (ON DELETE CASCADE),
-- so an erasure removes it too. claimed_until is the lease of the delivery in flight (thread or replica): a duplicate
-- delivery meanwhile writes nothing and is redelivered later.
CREATE TABLE writebacks (
    id              UUID        PRIMARY KEY,
    ticket_id       UUID        NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
    decision_id     UUID        NOT NULL,
    source          TEXT        NOT NULL,
    external_id     TEXT        NOT NULL,
    level           TEXT        NOT NULL,
    mapping_version INT         NOT NULL,
    state           TEXT        NOT NULL CHECK (state IN ('PENDING', 'SUCCEEDED', 'FAILED')),
    attempts        INT         NOT NULL DEFAULT 0,
    last_status     INT,
    last_error      TEXT,
    plan            JSONB       NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    completed_at    TIMESTAMPTZ,
    claimed_until   TIMESTAMPTZ,
    CONSTRAINT writebacks_one_per_decision UNIQUE (decision_id)
);
-- GET /writebacks?state=&source= newest first, and the dead-letter gauge.
CREATE INDEX writebacks_by_state ON writebacks (state, source, created_at DESC);
CREATE INDEX writebacks_by_ticket ON writebacks (ticket_id, created_at DESC);
