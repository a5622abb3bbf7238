package io.triage.embedding.backfill;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code backfills} table: one row per file and model, holding the checkpoint. */
public class Backfills {

    private final JdbcClient jdbc;

    public Backfills(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The backfill of this file content under this model, created if new. */
    public Backfill open(String fileName, String fileSha256, String model) {
        jdbc.sql("""
                INSERT INTO backfills (id, file_name, file_sha256, model, status) VALUES (:id, :file, :sha, :model,
                'PENDING') ON CONFLICT (file_sha256, model) DO NOTHING
                """)
                .param("id", UUID.randomUUID()).param("file", fileName).param("sha", fileSha256)
                .param("model", model).update();
        return jdbc.sql("SELECT * FROM backfills WHERE file_sha256 = :sha AND model = :model")
                .param("sha", fileSha256).param("model", model).query(Backfills::map).single();
    }

    public Optional<Backfill> find(UUID id) {
        return jdbc.sql("SELECT * FROM backfills WHERE id = :id").param("id", id).query(Backfills::map).optional();
    }

    /**
     * Marks the backfill running for this caller, when nobody else is running it (or its runner went silent for
     * {@code staleAfter}, i.e. crashed). Returns whether the caller now owns it.
     */
    public boolean claim(UUID id, Duration staleAfter) {
        return jdbc.sql("""
                UPDATE backfills SET status = 'RUNNING', error = NULL, updated_at = now()
                 WHERE id = :id AND (status IN ('PENDING', 'FAILED')
                       OR (status = 'RUNNING' AND updated_at < now() - make_interval(secs => :stale)))
                """)
                .param("id", id).param("stale", (double) staleAfter.toSeconds()).update() == 1;
    }

    /** Running backfills whose checkpoint has not moved for {@code staleAfter}: their runner crashed. */
    public List<UUID> stalled(Duration staleAfter) {
        return jdbc.sql("""
                SELECT id FROM backfills
                 WHERE status = 'RUNNING' AND updated_at < now() - make_interval(secs => :stale)
                """)
                .param("stale", (double) staleAfter.toSeconds()).query((rs, row) -> rs.getObject("id", UUID.class))
                .list();
    }

    /**
     * Moves the checkpoint from {@code linesDone} by {@code lines}. Fails (rolling back the caller's transaction)
     * when the checkpoint is no longer where this runner left it, i.e. another runner took over.
     */
    public void advance(UUID id, long linesDone, long lines, long tickets) {
        int updated = jdbc.sql("""
                UPDATE backfills SET lines_done = lines_done + :lines, tickets_done = tickets_done + :tickets,
                       updated_at = now()
                 WHERE id = :id AND lines_done = :linesDone AND status = 'RUNNING'
                """)
                .param("lines", lines).param("tickets", tickets).param("id", id).param("linesDone", linesDone)
                .update();
        if (updated != 1) {
            throw new IllegalStateException("backfill " + id + " was taken over by another runner");
        }
    }

    public void complete(UUID id) {
        jdbc.sql("UPDATE backfills SET status = 'COMPLETED', updated_at = now() WHERE id = :id")
                .param("id", id).update();
    }

    public void fail(UUID id, String error) {
        jdbc.sql("UPDATE backfills SET status = 'FAILED', error = :error, updated_at = now() WHERE id = :id")
                .param("id", id).param("error", error).update();
    }

    private static Backfill map(ResultSet rs, int row) throws SQLException {
        return new Backfill(rs.getObject("id", UUID.class), rs.getString("file_name"),
                Backfill.Status.valueOf(rs.getString("status")), rs.getLong("lines_done"),
                rs.getLong("tickets_done"), rs.getString("error"), rs.getTimestamp("started_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
