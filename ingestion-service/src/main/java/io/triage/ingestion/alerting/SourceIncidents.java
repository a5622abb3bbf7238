package io.triage.ingestion.alerting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Source incidents ({@code source_incidents}). Each opening or closing re-reads its facts ({@code sync_runs},
 * {@code tickets}) in the same statement that changes the incident, so a replica acting on an older reading cannot
 * open an incident another replica just closed; the partial unique index keeps one open incident per source and kind.
 */
@Repository
class SourceIncidents {

    /** Failed pulls of :source since its last successful one (skipped pulls neither count nor reset). */
    private static final String FAILURES_IN_A_ROW = """
            (SELECT count(*) FROM sync_runs
              WHERE source = :source AND status = 'FAILED'
                AND finished_at > coalesce((SELECT max(finished_at) FROM sync_runs
                                             WHERE source = :source AND status = 'SUCCEEDED'), '-infinity'))""";

    /** The newest source updated-at of :source's tickets; null before the first. */
    private static final String NEWEST_TICKET = "(SELECT max(source_updated_at) FROM tickets WHERE source = :source)";

    private final JdbcClient jdbc;

    SourceIncidents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Opens the pull-failure incident if the source's last {@code threshold} or more pulls failed; true if opened. */
    boolean openPullFailures(TicketSource source, int threshold, Instant at) {
        return jdbc.sql("""
                INSERT INTO source_incidents (source, kind, detail, opened_at)
                SELECT :source, 'PULL_FAILURES', failures || ' pulls failed in a row; last error: '
                       || coalesce((SELECT error FROM sync_runs WHERE source = :source AND status = 'FAILED'
                                     ORDER BY finished_at DESC LIMIT 1), 'unknown'), CAST(:at AS timestamptz)
                  FROM (SELECT %s AS failures) f
                 WHERE failures >= :threshold
                ON CONFLICT (source, kind) WHERE closed_at IS NULL DO NOTHING
                """.formatted(FAILURES_IN_A_ROW))
                .param("source", source.name()).param("threshold", threshold).param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** Closes the open pull-failure incident once fewer than {@code threshold} pulls in a row failed. */
    boolean closePullFailures(TicketSource source, int threshold, Instant at) {
        return jdbc.sql("""
                UPDATE source_incidents SET closed_at = :at
                 WHERE source = :source AND kind = 'PULL_FAILURES' AND closed_at IS NULL AND %s < :threshold
                """.formatted(FAILURES_IN_A_ROW))
                .param("source", source.name()).param("threshold", threshold).param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** Opens the lag incident if the source's newest ticket was updated before {@code oldest}; true if opened. */
    boolean openLag(TicketSource source, Instant oldest, Instant at) {
        return jdbc.sql("""
                INSERT INTO source_incidents (source, kind, detail, opened_at)
                SELECT :source, 'LAG', 'newest ticket updated at '
                       || to_char(newest AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), CAST(:at AS timestamptz)
                  FROM (SELECT %s AS newest) n
                 WHERE newest < :oldest
                ON CONFLICT (source, kind) WHERE closed_at IS NULL DO NOTHING
                """.formatted(NEWEST_TICKET))
                .param("source", source.name()).param("oldest", Timestamp.from(oldest))
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /** Closes the open lag incident once the source has a ticket updated at or after {@code oldest}. */
    boolean closeLag(TicketSource source, Instant oldest, Instant at) {
        return jdbc.sql("""
                UPDATE source_incidents SET closed_at = :at
                 WHERE source = :source AND kind = 'LAG' AND closed_at IS NULL AND %s >= :oldest
                """.formatted(NEWEST_TICKET))
                .param("source", source.name()).param("oldest", Timestamp.from(oldest))
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /** Opens the source's write-back auth incident unless one is open; true if opened. */
    boolean openWriteBackAuth(TicketSource source, String detail, Instant at) {
        return jdbc.sql("""
                INSERT INTO source_incidents (source, kind, detail, opened_at)
                VALUES (:source, 'WRITE_BACK_AUTH', :detail, :at)
                ON CONFLICT (source, kind) WHERE closed_at IS NULL DO NOTHING
                """).param("source", source.name()).param("detail", detail).param("at", Timestamp.from(at))
                .update() == 1;
    }

    /** Closes the source's open write-back auth incident; true if one was open. */
    boolean closeWriteBackAuth(TicketSource source, Instant at) {
        return jdbc.sql("""
                UPDATE source_incidents SET closed_at = :at
                 WHERE source = :source AND kind = 'WRITE_BACK_AUTH' AND closed_at IS NULL
                """).param("source", source.name()).param("at", Timestamp.from(at)).update() == 1;
    }

    /** Incidents with a message still to post, oldest first. */
    List<SourceIncident> withMessagesDue() {
        return jdbc.sql("""
                SELECT * FROM source_incidents
                 WHERE opened_notified_at IS NULL OR (closed_at IS NOT NULL AND closed_notified_at IS NULL)
                 ORDER BY opened_at, id
                """).query(SourceIncidents::map).list();
    }

    /**
     * Takes the incident's messages for this replica until {@code until}, unless another replica holds them; answers
     * the incident as it is now.
     */
    Optional<SourceIncident> claim(long id, Instant now, Instant until) {
        return jdbc.sql("""
                UPDATE source_incidents SET claimed_until = :until
                 WHERE id = :id AND (claimed_until IS NULL OR claimed_until < :now)
                RETURNING *
                """).param("id", id).param("now", Timestamp.from(now)).param("until", Timestamp.from(until))
                .query(SourceIncidents::map).optional();
    }

    void openingNotified(long id, Instant at) {
        jdbc.sql("UPDATE source_incidents SET opened_notified_at = :at, last_notified_at = :at WHERE id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    void recoveryNotified(long id, Instant at) {
        jdbc.sql("UPDATE source_incidents SET closed_notified_at = :at, last_notified_at = :at WHERE id = :id")
                .param("id", id).param("at", Timestamp.from(at)).update();
    }

    /** Gives the claim back; a failed post is counted, and its message stays due for the next check. */
    void release(long id, boolean failed) {
        jdbc.sql("""
                UPDATE source_incidents
                   SET claimed_until = NULL, failed_notifications = failed_notifications + :failed
                 WHERE id = :id
                """).param("id", id).param("failed", failed ? 1 : 0).update();
    }

    private static SourceIncident map(ResultSet rs, int row) throws SQLException {
        return new SourceIncident(rs.getLong("id"), TicketSource.valueOf(rs.getString("source")),
                IncidentKind.valueOf(rs.getString("kind")), rs.getString("detail"),
                rs.getTimestamp("opened_at").toInstant(), instant(rs.getTimestamp("opened_notified_at")),
                instant(rs.getTimestamp("closed_at")), instant(rs.getTimestamp("closed_notified_at")));
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
