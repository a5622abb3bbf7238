-- The canary share an analyst chose for a STAGING version (issue 22): every replica's serving poller reads it, so all
-- of them route the same tickets to the canary. A version without a row answers the configured default
-- (triage.classify.models.canary-share). Keyed by version number without a foreign key: with MLflow as the registry
-- the versions are not in this schema. Who chose the share and when is kept with it.
CREATE TABLE model_canary_shares (
    model_version bigint           PRIMARY KEY,
    share         double precision NOT NULL CHECK (share >= 0 AND share <= 1),
    set_by        text             NOT NULL,
    set_at        timestamptz      NOT NULL DEFAULT now()
);
