-- Audit hardening (issue 18, item 5).
-- 1. Archiving and partition detach belong to a separate role, ${archiver_role}, which the service role can neither
--    use (no membership, so no SET ROLE) nor stand in for (no INSERT on archives, no EXECUTE on the detach).
-- 2. detach_archived_partition refuses a month without a verified, signed manifest that describes exactly the
--    partition's rows, and never touches the current or a future month.
-- 3. The chain hash becomes keyed (HMAC-SHA256) from the position recorded in chain_schemes on.
-- 4. The authenticated principal is the event's user; what a caller claims goes into on_behalf_of.

DO $$
BEGIN
    CREATE ROLE ${archiver_role} LOGIN;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

-- Roles are cluster-wide: make sure no grant made elsewhere lets the service role act as the archiver.
DO $$
BEGIN
    IF '${archiver_role}' <> '${app_role}' AND pg_has_role('${app_role}', '${archiver_role}', 'MEMBER') THEN
        REVOKE ${archiver_role} FROM ${app_role};
    END IF;
END
$$;

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${archiver_role};

-- What the archiver verified and signed before a partition may go. The manifest statement is rebuilt from these
-- columns (see the README) and its Ed25519 signature checked by /audit/verify. Months archived before this
-- migration have no signed manifest: they are marked legacy (the column's default is true only for the rows that
-- exist now, without an UPDATE), and no role but the administrator can set it on a new row.
ALTER TABLE archives
    ADD COLUMN first_prev_hash    BYTEA,
    ADD COLUMN manifest_key_id    TEXT,
    ADD COLUMN manifest_signature BYTEA,
    ADD COLUMN verified_at        TIMESTAMPTZ,
    ADD COLUMN legacy             BOOLEAN NOT NULL DEFAULT true;
ALTER TABLE archives ALTER COLUMN legacy SET DEFAULT false;

REVOKE INSERT ON archives, retention_notes FROM ${app_role};
GRANT SELECT ON audit_log, checkpoints, archives, retention_notes TO ${archiver_role};
GRANT INSERT (month, from_seq, to_seq, events, data_file, data_sha256, last_hash, manifest_file, checkpoint_id,
    archived_at, first_prev_hash, manifest_key_id, manifest_signature, verified_at) ON archives TO ${archiver_role};
GRANT INSERT ON retention_notes TO ${archiver_role};
GRANT USAGE ON SEQUENCE retention_notes_id_seq TO ${archiver_role};

-- From which chain position on which hash scheme applies: audit-event/v1 = SHA-256(prev || bytes),
-- audit-event/v2 = HMAC-SHA256(chain key, prev || bytes). Rows already recorded stay v1.
CREATE TABLE chain_schemes (
    from_seq BIGINT PRIMARY KEY CHECK (from_seq >= 1),
    scheme   TEXT   NOT NULL CHECK (scheme IN ('audit-event/v1', 'audit-event/v2'))
);
INSERT INTO chain_schemes (from_seq, scheme) SELECT 1, 'audit-event/v1' FROM chain_head WHERE seq > 0;
INSERT INTO chain_schemes (from_seq, scheme) SELECT seq + 1, 'audit-event/v2' FROM chain_head;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON chain_schemes FROM ${app_role};
CREATE TRIGGER chain_schemes_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON chain_schemes
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_statement();

-- Checkpoints taken before the write-once mirror existed are copied to it once at start-up; later ones are
-- written there as they are taken, so a checkpoint from this id on that is missing from the mirror is a finding.
CREATE TABLE checkpoint_mirror_start (
    id                  INT    PRIMARY KEY CHECK (id = 1),
    first_checkpoint_id BIGINT NOT NULL
);
INSERT INTO checkpoint_mirror_start SELECT 1, coalesce(max(id), 0) + 1 FROM checkpoints;
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON checkpoint_mirror_start FROM ${app_role};
CREATE TRIGGER checkpoint_mirror_start_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON checkpoint_mirror_start
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_statement();

-- The user is the authenticated principal (user_id, user_ref); a caller-claimed end user is on_behalf_of, with its
-- pseudonym on_behalf_of_ref covered by the v2 chain. Both plain values stay erasable.
ALTER TABLE audit_log
    ADD COLUMN on_behalf_of     TEXT,
    ADD COLUMN on_behalf_of_ref TEXT;

CREATE OR REPLACE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'UPDATE' AND current_setting('audit.erasure', true) = 'on'
            AND (NEW.seq, NEW.event_id, NEW.recorded_at, NEW.occurred_at, NEW.ticket_ref, NEW.user_ref,
                 NEW.on_behalf_of_ref, NEW.model_version, NEW.rule_set_version, NEW.routing_method, NEW.department,
                 NEW.urgency, NEW.sentiment, NEW.confidence, NEW.channel, NEW.language, NEW.customer_segment,
                 NEW.tier_latencies, NEW.trace_id, NEW.prev_hash, NEW.hash)
             IS NOT DISTINCT FROM
                (OLD.seq, OLD.event_id, OLD.recorded_at, OLD.occurred_at, OLD.ticket_ref, OLD.user_ref,
                 OLD.on_behalf_of_ref, OLD.model_version, OLD.rule_set_version, OLD.routing_method, OLD.department,
                 OLD.urgency, OLD.sentiment, OLD.confidence, OLD.channel, OLD.language, OLD.customer_segment,
                 OLD.tier_latencies, OLD.trace_id, OLD.prev_hash, OLD.hash)
            AND NEW.ticket_id IS NULL AND NEW.user_id IS NULL AND NEW.on_behalf_of IS NULL THEN
        RETURN NEW;
    END IF;
    RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE OR REPLACE FUNCTION erase_ticket_identifiers(ticket_refs TEXT[]) RETURNS BIGINT
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    cleared BIGINT;
BEGIN
    PERFORM set_config('audit.erasure', 'on', true);
    UPDATE audit_log SET ticket_id = NULL, user_id = NULL, on_behalf_of = NULL
     WHERE ticket_ref = ANY (ticket_refs)
       AND (ticket_id IS NOT NULL OR user_id IS NOT NULL OR on_behalf_of IS NOT NULL);
    GET DIAGNOSTICS cleared = ROW_COUNT;
    PERFORM set_config('audit.erasure', 'off', true);
    RETURN cleared;
END
$$;

-- Detaches and drops an archived month's partition. Only the archiver role may call it, and only for a month whose
-- archive was verified and signed (a manifest row with signature and verification time) and whose manifest
-- describes exactly what the partition holds: count, first and last position, last hash. Never the current month
-- or a later one, by the database's own clock.
CREATE OR REPLACE FUNCTION detach_archived_partition(archived_month TEXT) RETURNS VOID
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = ${flyway:defaultSchema}, pg_temp AS $$
DECLARE
    partition_name TEXT;
    manifest archives%ROWTYPE;
    rows_held BIGINT;
    first_seq BIGINT;
    last_seq BIGINT;
    last_row_hash BYTEA;
BEGIN
    IF archived_month IS NULL OR archived_month !~ '^[0-9]{4}-(0[1-9]|1[0-2])$' THEN
        RAISE EXCEPTION 'not a month: %', archived_month USING ERRCODE = 'invalid_parameter_value';
    END IF;
    IF to_date(archived_month, 'YYYY-MM') >= date_trunc('month', now() AT TIME ZONE 'UTC')::date THEN
        RAISE EXCEPTION 'month % is the current or a future month and is never detached', archived_month
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    SELECT * INTO manifest FROM archives
     WHERE month = archived_month AND verified_at IS NOT NULL AND manifest_signature IS NOT NULL
       AND manifest_key_id IS NOT NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'month % has no verified, signed archive manifest', archived_month
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    partition_name := 'audit_log_' || replace(archived_month, '-', '_');
    IF to_regclass(partition_name) IS NULL THEN
        RETURN;
    END IF;
    EXECUTE format('SELECT count(*), min(seq), max(seq) FROM %I', partition_name) INTO rows_held, first_seq, last_seq;
    IF rows_held <> manifest.events
            OR (rows_held > 0 AND (first_seq <> manifest.from_seq OR last_seq <> manifest.to_seq)) THEN
        RAISE EXCEPTION 'partition % (% rows, %..%) does not match its manifest (% rows, %..%)', partition_name,
            rows_held, first_seq, last_seq, manifest.events, manifest.from_seq, manifest.to_seq
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    IF rows_held > 0 THEN
        EXECUTE format('SELECT hash FROM %I WHERE seq = $1', partition_name) INTO last_row_hash USING last_seq;
        IF last_row_hash IS DISTINCT FROM manifest.last_hash THEN
            RAISE EXCEPTION 'the last event of % does not match its manifest', partition_name
                USING ERRCODE = 'insufficient_privilege';
        END IF;
    END IF;
    EXECUTE format('ALTER TABLE audit_log DETACH PARTITION %I', partition_name);
    EXECUTE format('DROP TABLE %I', partition_name);
END
$$;

REVOKE EXECUTE ON FUNCTION detach_archived_partition(TEXT) FROM PUBLIC, ${app_role};
GRANT EXECUTE ON FUNCTION detach_archived_partition(TEXT) TO ${archiver_role};
