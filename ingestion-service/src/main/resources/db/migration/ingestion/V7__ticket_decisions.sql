-- classify-service's decision for each ticket, kept with the ticket for write-back to its source. One row per ticket:
-- the decision of the newest version classified (ticket_version = the source updated-at it was made for); an older
-- version's decision never replaces a newer one. A ticket classify-service refused (4xx: too long, a value it does
-- not accept) is kept as REFUSED with the problem's detail, so it is visible instead of retried forever.
-- Goes with its ticket (ON DELETE CASCADE), so an erasure removes it too.
CREATE TABLE ticket_decisions (
    ticket_id         UUID             PRIMARY KEY REFERENCES tickets (id) ON DELETE CASCADE,
    ticket_version    TIMESTAMPTZ      NOT NULL,
    status            TEXT             NOT NULL CHECK (status IN ('DECIDED', 'REFUSED')),
    decision_id       UUID,
    routing_method    TEXT,
    department        TEXT,
    urgency           TEXT,
    sentiment         TEXT,
    confidence        DOUBLE PRECISION,
    model_version     TEXT,
    rule_set_version  TEXT,
    answer            JSONB,
    problem           TEXT,
    decided_at        TIMESTAMPTZ      NOT NULL DEFAULT now()
);
CREATE INDEX ticket_decisions_by_status ON ticket_decisions (status, decided_at);
