-- One row per feedback counted in rule_feedback: a redelivery of the same feedback (classify-service forwards at
-- least once) finds its id here and counts nothing (issue 19, item 6).
CREATE TABLE rule_feedback_receipt (
    feedback_id UUID        PRIMARY KEY,
    decision_id UUID,
    rule_id     TEXT        NOT NULL,
    version     INT         NOT NULL,
    correct     BOOLEAN     NOT NULL,
    received_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
