-- Models trained on an erased customer's text are retired (issue 18, section 2): every registered version records
-- where its training examples came from, an erasure flags the versions trained on the customer, and the retirement
-- job retrains without that text and marks them RETIRED (artifact deleted, registry row kept).

-- Where a version's training data came from: TICKETS (ingestion-service's validated tickets, with subjects below) or
-- FILE (an upload or a data file: no customer is known, so no erasure ever flags it).
CREATE TABLE model_provenance (
    model_version bigint      PRIMARY KEY,
    origin        text        NOT NULL CHECK (origin IN ('TICKETS', 'FILE')),
    examples      integer     NOT NULL,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);

-- One row per training example of a TICKETS version: the ticket id (ingestion's) and the keyed customer hash
-- (HMAC-SHA256 under triage.classify.customer-hash-key; null when the ticket has no customer). No text, no plain
-- customer id. An erasure deletes the erased customer's rows once it has flagged their versions.
CREATE TABLE model_training_subjects (
    model_version bigint      NOT NULL,
    ticket_id     varchar(128) NOT NULL,
    customer_hash char(64)
);
CREATE INDEX model_training_subjects_version ON model_training_subjects (model_version);
CREATE INDEX model_training_subjects_ticket ON model_training_subjects (ticket_id);
CREATE INDEX model_training_subjects_customer ON model_training_subjects (customer_hash)
    WHERE customer_hash IS NOT NULL;

-- Customers erased (keyed hash only): retraining leaves their examples out, and a version registered after the
-- erasure from data read before it is flagged at registration.
CREATE TABLE erased_training_subjects (
    customer_hash char(64)    PRIMARY KEY,
    erased_at     timestamptz NOT NULL
);

-- Versions to retire: PENDING until the retirement job has retired them (DONE), by retire_by at the latest
-- (erasure time + triage.classify.models.retirement-window; the earliest erasure wins).
CREATE TABLE model_retirements (
    model_version bigint      PRIMARY KEY,
    state         text        NOT NULL CHECK (state IN ('PENDING', 'DONE')),
    flagged_at    timestamptz NOT NULL DEFAULT now(),
    retire_by     timestamptz NOT NULL,
    erasures      integer     NOT NULL DEFAULT 1,
    replaced_by   bigint,
    retired_at    timestamptz
);
CREATE INDEX model_retirements_pending ON model_retirements (retire_by) WHERE state = 'PENDING';

-- A RETIRED version keeps its registry row (report, scores, checksum) without its artifact.
ALTER TABLE model_versions DROP CONSTRAINT model_versions_stage_check;
ALTER TABLE model_versions ADD CONSTRAINT model_versions_stage_check
    CHECK (stage IN ('NONE', 'STAGING', 'PRODUCTION', 'ARCHIVED', 'RETIRED'));
ALTER TABLE model_versions ALTER COLUMN artifact DROP NOT NULL;
ALTER TABLE model_versions ADD COLUMN retired_at timestamptz;
