-- The monthly compliance report (issue 18): who gave a decision's ground truth (agent, or the ticketing system's
-- validated label), and the report runs that write report-YYYY-MM.{html,csv,json} to the archive store, requested
-- by POST /audit/reports/monthly/run or by the monthly job, polled at GET /audit/reports/monthly/jobs/{id}.
-- Neither holds personal data: decision ids, months, file names and figures.
ALTER TABLE decision_feedback ADD COLUMN source TEXT;

CREATE TABLE report_jobs (
    id          UUID        PRIMARY KEY,
    month       TEXT        NOT NULL,
    trigger     TEXT        NOT NULL,
    state       TEXT        NOT NULL CHECK (state IN ('RUNNING', 'SUCCEEDED', 'FAILED')),
    created_at  TIMESTAMPTZ NOT NULL,
    finished_at TIMESTAMPTZ,
    result      JSONB,
    error       TEXT
);
CREATE INDEX report_jobs_month ON report_jobs (month, created_at DESC);
