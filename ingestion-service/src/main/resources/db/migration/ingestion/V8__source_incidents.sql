-- Source incidents (alerting): a source whose pulls failed N times in a row (PULL_FAILURES) or whose newest ticket is
-- older than the allowed lag (LAG). At most one open incident per source and kind, so replicas that see the same
-- facts open it once (INSERT ... ON CONFLICT DO NOTHING); each Slack message is marked sent once it was accepted, so a
-- failed post is retried by the next check instead of being lost. claimed_until is a short lease a replica takes
-- while it posts, so two replicas never post the same message.
CREATE TABLE source_incidents (
    id                  BIGSERIAL   PRIMARY KEY,
    source              TEXT        NOT NULL,
    kind                TEXT        NOT NULL,
    detail              TEXT        NOT NULL,
    opened_at           TIMESTAMPTZ NOT NULL,
    opened_notified_at  TIMESTAMPTZ,
    closed_at           TIMESTAMPTZ,
    closed_notified_at  TIMESTAMPTZ,
    last_notified_at    TIMESTAMPTZ,
    failed_notifications INT        NOT NULL DEFAULT 0,
    claimed_until       TIMESTAMPTZ
);
CREATE UNIQUE INDEX source_incidents_one_open ON source_incidents (source, kind) WHERE closed_at IS NULL;
CREATE INDEX source_incidents_unnotified ON source_incidents (opened_at)
    WHERE opened_notified_at IS NULL OR (closed_at IS NOT NULL AND closed_notified_at IS NULL);

-- The lag check reads the newest source updated-at per source every minute.
CREATE INDEX tickets_source_updated_at ON tickets (source, source_updated_at);
