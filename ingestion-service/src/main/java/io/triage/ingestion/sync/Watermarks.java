package io.triage.ingestion.sync;

import java.sql.Timestamp;
import java.time.Instant;

import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One watermark per source ({@code sync_watermarks}), written in the transaction of the page it covers. */
@Repository
class Watermarks {

    private final JdbcClient jdbc;

    Watermarks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Watermark of(TicketSource source) {
        return jdbc.sql("SELECT updated_upto, cursor FROM sync_watermarks WHERE source = :source")
                .param("source", source.name())
                .query((rs, row) -> new Watermark(instant(rs.getTimestamp("updated_upto")), rs.getString("cursor")))
                .optional().orElse(Watermark.NONE);
    }

    /** Moves the watermark; {@code updatedUpto} never goes back (a page of older re-reads keeps the newer one). */
    void commit(TicketSource source, Watermark watermark) {
        jdbc.sql("""
                INSERT INTO sync_watermarks (source, updated_upto, cursor) VALUES (:source, :upto, :cursor)
                ON CONFLICT (source) DO UPDATE
                   SET updated_upto = greatest(sync_watermarks.updated_upto, excluded.updated_upto),
                       cursor = coalesce(excluded.cursor, sync_watermarks.cursor), committed_at = now()
                """)
                .param("source", source.name())
                .param("upto", watermark.updatedUpto() == null ? null : Timestamp.from(watermark.updatedUpto()))
                .param("cursor", watermark.cursor())
                .update();
    }

    private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
