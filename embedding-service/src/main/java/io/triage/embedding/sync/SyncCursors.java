package io.triage.embedding.sync;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Where the sync stands in each feed ({@code sync_cursors}). */
@Repository
class SyncCursors {

    private final JdbcClient jdbc;

    SyncCursors(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> find(String feed) {
        return jdbc.sql("SELECT cursor FROM sync_cursors WHERE feed = ?").param(feed).query(String.class).optional();
    }

    void save(String feed, String cursor) {
        jdbc.sql("""
                INSERT INTO sync_cursors (feed, cursor) VALUES (:feed, :cursor)
                ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, updated_at = now()
                """).param("feed", feed).param("cursor", cursor).update();
    }
}
