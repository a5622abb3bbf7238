-- Event publications whose listener failed triage.platform.events.max-attempts redeliveries: moved here out of
-- event_publication (so they are not delivered again) for an operator to inspect (GET /ops/events/dead-letters).
-- Repeatable, so it reaches every service's schema without a version of its own next to the services' versions.
CREATE TABLE IF NOT EXISTS event_publication_dead_letter (
    id                  UUID        NOT NULL PRIMARY KEY,
    listener_id         TEXT        NOT NULL,
    event_type          TEXT        NOT NULL,
    serialized_event    TEXT        NOT NULL,
    publication_date    TIMESTAMPTZ NOT NULL,
    status              TEXT,
    completion_attempts INT,
    dead_lettered_at    TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS event_publication_dead_letter_by_date_idx
    ON event_publication_dead_letter (dead_lettered_at);
