-- Issue 23: the cache and the rules earn their short-circuit from confirmed outcomes.

-- Beside every decision a rule matched, the rule's own department (whether or not it decided), so its accuracy is
-- measured on every match that got feedback; and the model's department for every decision where the model ran
-- (it runs for rule-decided tickets too), so rule and model can be compared on the same tickets.
ALTER TABLE decisions
    ADD COLUMN rule_department             varchar(64),
    ADD COLUMN rule_short_circuit          boolean,
    ADD COLUMN model_department            varchar(64),
    ADD COLUMN model_department_confidence double precision;
CREATE INDEX decisions_rule ON decisions (rule_id) WHERE rule_id IS NOT NULL;

-- The semantic cache's reuse threshold calibrated when a model version was trained: on its validation split, the
-- lowest nearest-neighbour similarity from which reusing the neighbour's label reached the target precision. NULL
-- threshold: the target was never reached (the cache may not reuse under this model). Kept per model version in
-- the classify schema whichever registry (Postgres or MLflow) holds the artifact.
CREATE TABLE cache_calibrations (
    model_version    varchar(64) PRIMARY KEY,
    encoder          varchar(128)     NOT NULL,
    target_precision double precision NOT NULL,
    threshold        double precision,
    validation_pairs integer          NOT NULL,
    curve            jsonb            NOT NULL,
    calibrated_at    timestamptz      NOT NULL DEFAULT now()
);
