package io.triage.ingestion.sync;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Pull runs ({@code sync_runs}) and their progress. */
@Repository
class SyncRuns {

    private final JdbcClient jdbc;

    SyncRuns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void start(UUID id, TicketSource source, String trigger) {
        jdbc.sql("INSERT INTO sync_runs (id, source, trigger, status) VALUES (:id, :source, :trigger, 'RUNNING')")
                .param("id", id).param("source", source.name()).param("trigger", trigger).update();
    }

    void page(UUID id, int tickets) {
        jdbc.sql("UPDATE sync_runs SET pages = pages + 1, tickets_seen = tickets_seen + :n WHERE id = :id")
                .param("n", tickets).param("id", id).update();
    }

    /** Marks the source's runs started before {@code id} and still RUNNING as FAILED: their replica died. */
    void interruptedBefore(UUID id, TicketSource source) {
        jdbc.sql("""
                UPDATE sync_runs SET status = 'FAILED', error = 'interrupted', finished_at = now()
                 WHERE source = :source AND status = 'RUNNING' AND id <> :id
                   AND started_at < (SELECT started_at FROM sync_runs WHERE id = :id)
                """).param("source", source.name()).param("id", id).update();
    }

    void finish(UUID id, String status, @Nullable String error) {
        jdbc.sql("UPDATE sync_runs SET status = :status, error = :error, finished_at = now() WHERE id = :id")
                .param("status", status).param("error", error).param("id", id).update();
    }

    Optional<SyncRun> find(UUID id) {
        return jdbc.sql("SELECT * FROM sync_runs WHERE id = :id").param("id", id).query(SyncRuns::map).optional();
    }

    private static SyncRun map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new SyncRun(rs.getObject("id", UUID.class), rs.getString("source").toLowerCase(),
                rs.getString("trigger"), rs.getString("status"), rs.getInt("pages"), rs.getInt("tickets_seen"),
                rs.getString("error"), rs.getTimestamp("started_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
