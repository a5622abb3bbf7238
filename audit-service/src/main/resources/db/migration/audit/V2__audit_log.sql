-- The audit log: append-only in the database itself. The service role may only INSERT and SELECT the audit tables;
-- a trigger refuses UPDATE, DELETE and TRUNCATE for everyone (superusers included) except the erasure function,
-- which may only clear the plain ticket id / user id (neither is covered by the hash chain).

CREATE TABLE audit_log (
    seq              BIGINT       NOT NULL,
    event_id         UUID         NOT NULL,
    recorded_at      TIMESTAMPTZ  NOT NULL,
    occurred_at      TIMESTAMPTZ  NOT NULL,
    ticket_ref       TEXT         NOT NULL,
    user_ref         TEXT,
    ticket_id        TEXT,
    user_id          TEXT,
    model_version    TEXT         NOT NULL,
    rule_set_version TEXT,
    routing_method   TEXT         NOT NULL,
    department       TEXT,
    urgency          TEXT,
    sentiment        TEXT,
    confidence       NUMERIC(7,6) NOT NULL,
    channel          TEXT,
    language         TEXT,
    customer_segment TEXT,
    tier_latencies   TEXT         NOT NULL,
    trace_id         TEXT,
    prev_hash        BYTEA        NOT NULL,
    hash             BYTEA        NOT NULL,
    PRIMARY KEY (seq, recorded_at)
) PARTITION BY RANGE (recorded_at);
CREATE INDEX audit_log_ticket_ref ON audit_log (ticket_ref);

-- Event ids ever accepted (kept after a partition is archived), so a redelivery is answered, never re-appended.
CREATE TABLE audit_event_ids (
    event_id    UUID        PRIMARY KEY,
    seq         BIGINT      NOT NULL UNIQUE,
    recorded_at TIMESTAMPTZ NOT NULL
);

-- The end of the chain. Appends lock this single row, so concurrent writers (threads or instances) are serialised
-- and can never fork the chain.
CREATE TABLE chain_head (
    id          INT         PRIMARY KEY CHECK (id = 1),
    seq         BIGINT      NOT NULL,
    hash        BYTEA       NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL
);
INSERT INTO chain_head VALUES (1, 0, decode(repeat('00', 32), 'hex'), 'epoch');

-- Signed Merkle roots over ranges of the chain.
CREATE TABLE checkpoints (
    id          BIGSERIAL   PRIMARY KEY,
    from_seq    BIGINT      NOT NULL,
    to_seq      BIGINT      NOT NULL,
    root        BYTEA       NOT NULL,
    last_hash   BYTEA       NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL,
    key_id      TEXT        NOT NULL,
    signature   BYTEA       NOT NULL
);
CREATE INDEX checkpoints_range ON checkpoints (from_seq, to_seq);

-- Ground truth recorded by classify-service for decisions, the feed of the compliance report's accuracy figures.
CREATE TABLE decision_feedback (
    feedback_id          UUID        PRIMARY KEY,
    decision_event_id    UUID        NOT NULL,
    correct_department   TEXT,
    correct_urgency      TEXT,
    correct_sentiment    TEXT,
    recorded_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX decision_feedback_decision ON decision_feedback (decision_event_id);

-- Archived partitions (manifest, file hashes, covering checkpoint) and signed notes of retention deletions.
CREATE TABLE archives (
    month          TEXT        PRIMARY KEY,
    from_seq       BIGINT      NOT NULL,
    to_seq         BIGINT      NOT NULL,
    events         BIGINT      NOT NULL,
    data_file      TEXT        NOT NULL,
    data_sha256    TEXT        NOT NULL,
    last_hash      BYTEA,
    manifest_file  TEXT        NOT NULL,
    checkpoint_id  BIGINT      REFERENCES checkpoints (id),
    archived_at    TIMESTAMPTZ NOT NULL
);
CREATE TABLE retention_notes (
    id          BIGSERIAL   PRIMARY KEY,
    month       TEXT        NOT NULL,
    files       TEXT        NOT NULL,
    deleted_at  TIMESTAMPTZ NOT NULL,
    note        TEXT        NOT NULL,
    key_id      TEXT        NOT NULL,
    signature   BYTEA       NOT NULL
);

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log, audit_event_ids, checkpoints, decision_feedback, archives,
    retention_notes FROM ${app_role};

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('audit.erasure', true) = 'on'
            AND (NEW.seq, NEW.event_id, NEW.recorded_at, NEW.occurred_at, NEW.ticket_ref, NEW.user_ref,
                 NEW.model_version, NEW.rule_set_version, NEW.routing_method, NEW.department, NEW.urgency,
                 NEW.sentiment, NEW.confidence, NEW.channel, NEW.language, NEW.customer_segment,
                 NEW.tier_latencies, NEW.trace_id, NEW.prev_hash, NEW.hash)
             IS NOT DISTINCT FROM
                (OLD.seq, OLD.event_id, OLD.recorded_at, OLD.occurred_at, OLD.ticket_ref, OLD.user_ref,
                 OLD.model_version, OLD.rule_set_version, OLD.routing_method, OLD.department, OLD.urgency,
                 OLD.sentiment, OLD.confidence, OLD.channel, OLD.language, OLD.customer_segment,
                 OLD.tier_latencies, OLD.trace_id, OLD.prev_hash, OLD.hash)
            AND NEW.ticket_id IS NULL AND NEW.user_id IS NULL THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE FUNCTION audit_refuse_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_statement();
CREATE TRIGGER audit_event_ids_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_event_ids
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_statement();
CREATE TRIGGER checkpoints_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON checkpoints
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_statement();
CREATE TRIGGER decision_feedback_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON decision_feedback
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_statement();
CREATE TRIGGER archives_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON archives
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_statement();
CREATE TRIGGER retention_notes_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON retention_notes
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_statement();

-- Creates the monthly partitions from the given month on; run ahead of time by a job. Each partition is created by
-- the administrator (so default privileges would grant UPDATE/DELETE): they are revoked again, and the TRUNCATE
-- guard is attached to the partition itself because statement triggers are not inherited.
CREATE FUNCTION create_audit_partitions(first_month DATE, months INT) RETURNS INT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    created INT := 0;
    month_start DATE;
    partition_name TEXT;
BEGIN
    FOR i IN 0 .. months - 1 LOOP
        month_start := date_trunc('month', first_month)::date + make_interval(months => i);
        partition_name := 'audit_log_' || to_char(month_start, 'YYYY_MM');
        CONTINUE WHEN to_regclass(partition_name) IS NOT NULL
            OR EXISTS (SELECT 1 FROM archives WHERE month = to_char(month_start, 'YYYY-MM'));
        EXECUTE format('CREATE TABLE %I PARTITION OF audit_log FOR VALUES FROM (%L) TO (%L)', partition_name,
            month_start::timestamptz, (month_start + interval '1 month')::timestamptz);
        EXECUTE format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM ${app_role}', partition_name);
        EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I FOR EACH STATEMENT '
            'EXECUTE FUNCTION audit_refuse_statement()', partition_name || '_no_truncate', partition_name);
        created := created + 1;
    END LOOP;
    RETURN created;
END
$$;

-- The only permitted change: clears the plain ticket id and user id of the given tickets (by pseudonym).
CREATE FUNCTION erase_ticket_identifiers(ticket_refs TEXT[]) RETURNS BIGINT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    cleared BIGINT;
BEGIN
    PERFORM set_config('audit.erasure', 'on', true);
    UPDATE audit_log SET ticket_id = NULL, user_id = NULL
     WHERE ticket_ref = ANY (ticket_refs) AND (ticket_id IS NOT NULL OR user_id IS NOT NULL);
    GET DIAGNOSTICS cleared = ROW_COUNT;
    PERFORM set_config('audit.erasure', 'off', true);
    RETURN cleared;
END
$$;

-- Removes a month's partition once its archive has been written and verified (recorded in archives).
CREATE FUNCTION detach_archived_partition(archived_month TEXT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    partition_name TEXT := 'audit_log_' || replace(archived_month, '-', '_');
BEGIN
    IF NOT EXISTS (SELECT 1 FROM archives WHERE month = archived_month) THEN
        RAISE EXCEPTION 'month % has no verified archive', archived_month;
    END IF;
    IF to_regclass(partition_name) IS NOT NULL THEN
        EXECUTE format('ALTER TABLE audit_log DETACH PARTITION %I', partition_name);
        EXECUTE format('DROP TABLE %I', partition_name);
    END IF;
END
$$;

REVOKE EXECUTE ON FUNCTION create_audit_partitions(DATE, INT), erase_ticket_identifiers(TEXT[]),
    detach_archived_partition(TEXT) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION create_audit_partitions(DATE, INT), erase_ticket_identifiers(TEXT[]),
    detach_archived_partition(TEXT) TO ${app_role};

SELECT create_audit_partitions((now() AT TIME ZONE 'UTC')::date - 31, 4);
