-- Shared first migration of every service (Flyway location classpath:db/platform). Flyway runs it as the database
-- administrator in the service's own schema (${flyway:defaultSchema}), which Flyway has just created.

-- The service's login role: it owns nothing and holds only what is granted here. Roles are cluster-wide, so a
-- second database on the same server (another environment, a test) finds it already there.
DO $$
BEGIN
    CREATE ROLE ${app_role} LOGIN;
EXCEPTION
    WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

GRANT USAGE ON SCHEMA ${flyway:defaultSchema} TO ${app_role};
-- Tables and sequences created by later migrations (as the administrator) are usable by the service role.
-- A service that must be append-only (audit) revokes what it must not have in its own migrations.
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema} GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema} GRANT USAGE, SELECT ON SEQUENCES TO ${app_role};
ALTER DEFAULT PRIVILEGES IN SCHEMA ${flyway:defaultSchema} GRANT EXECUTE ON FUNCTIONS TO ${app_role};

-- ShedLock: one row per scheduled job, so a job runs on one replica at a time.
CREATE TABLE shedlock (
    name       VARCHAR(64)  PRIMARY KEY,
    lock_until TIMESTAMPTZ  NOT NULL,
    locked_at  TIMESTAMPTZ  NOT NULL,
    locked_by  VARCHAR(255) NOT NULL
);

-- Spring Modulith's JDBC event publication registry (schema v2 of spring-modulith-events-jdbc 2.1): an event is
-- written here in the same transaction as the state change and marked complete once its listener succeeded.
CREATE TABLE event_publication (
    id                     UUID NOT NULL PRIMARY KEY,
    listener_id            TEXT NOT NULL,
    event_type             TEXT NOT NULL,
    serialized_event       TEXT NOT NULL,
    publication_date       TIMESTAMPTZ NOT NULL,
    completion_date        TIMESTAMPTZ,
    status                 TEXT,
    completion_attempts    INT,
    last_resubmission_date TIMESTAMPTZ
);
CREATE INDEX event_publication_serialized_event_hash_idx ON event_publication USING hash (serialized_event);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
