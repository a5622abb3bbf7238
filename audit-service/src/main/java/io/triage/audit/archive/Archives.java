package io.triage.audit.archive;

import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Lists archived months with their retention state. */
@Repository
public class Archives {

    private final JdbcClient jdbc;
    private final ArchiveStore store;

    Archives(JdbcClient jdbc, ArchiveStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    public List<ArchiveEntry> list() {
        return jdbc.sql("""
                SELECT a.*, r.deleted_at, r.note, r.signature FROM archives a
                  LEFT JOIN retention_notes r ON r.month = a.month ORDER BY a.month""")
                .query((rs, row) -> {
                    OffsetDateTime deleted = rs.getObject("deleted_at", OffsetDateTime.class);
                    OffsetDateTime verified = rs.getObject("verified_at", OffsetDateTime.class);
                    byte[] signature = rs.getBytes("signature");
                    return new ArchiveEntry(rs.getString("month"), rs.getLong("from_seq"), rs.getLong("to_seq"),
                            rs.getLong("events"), rs.getString("data_file"), rs.getString("data_sha256"),
                            rs.getString("manifest_file"), (Long) rs.getObject("checkpoint_id"),
                            rs.getObject("archived_at", OffsetDateTime.class).toInstant(),
                            verified == null ? null : verified.toInstant(), rs.getString("manifest_key_id"),
                            store.exists(rs.getString("data_file")), deleted == null ? null : deleted.toInstant(),
                            rs.getString("note"),
                            signature == null ? null : Base64.getEncoder().encodeToString(signature));
                })
                .list();
    }

    public String location() {
        return store.location();
    }

    /** Whether the store may hold the only copy of a month (partitions are detached only then). */
    public boolean durable() {
        return store.durable();
    }
}
