package io.triage.audit.checkpoint;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.triage.audit.chain.AuditLog;
import io.triage.audit.chain.CanonicalForm;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Takes, stores and looks up signed checkpoints; the table is append-only like the log itself, and every checkpoint
 * is also written to the write-once {@link CheckpointMirror} before its transaction commits (a checkpoint the mirror
 * refuses is not taken).
 */
@Service
public class Checkpoints {

    /** Largest range one checkpoint covers, so taking one never needs more than a few tens of MiB of hashes. */
    static final long MAX_RANGE = 500_000;

    private final JdbcClient jdbc;
    private final AuditLog log;
    private final CheckpointSigner signer;
    private final CheckpointMirror mirror;
    private final Clock clock;

    Checkpoints(JdbcClient jdbc, AuditLog log, CheckpointSigner signer, CheckpointMirror mirror, Clock clock) {
        this.jdbc = jdbc;
        this.log = log;
        this.signer = signer;
        this.mirror = mirror;
        this.clock = clock;
    }

    /** Covers the events appended since the last periodic checkpoint, if any (at most {@link #MAX_RANGE}). */
    @Transactional
    public Optional<Checkpoint> checkpointNow() {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('audit-checkpoint'))").query().singleValue();
        long covered = jdbc.sql("SELECT coalesce(max(to_seq), 0) FROM checkpoints").query(Long.class).single();
        long head = log.head().seq();
        if (head <= covered) {
            return Optional.empty();
        }
        return Optional.of(create(covered + 1, Math.min(head, covered + MAX_RANGE)));
    }

    /** Signs the Merkle root of positions {@code from..to}, which must all be present. */
    @Transactional
    public Checkpoint create(long from, long to) {
        List<byte[]> hashes = log.hashes(from, to);
        if (hashes.size() != to - from + 1) {
            throw new IllegalStateException("positions " + from + ".." + to + " are not all present");
        }
        HexFormat hex = HexFormat.of();
        String root = hex.formatHex(MerkleTree.root(hashes));
        String last = hex.formatHex(hashes.getLast());
        Instant createdAt = CanonicalForm.truncate(clock.instant());
        String statement = Checkpoint.statement(from, to, root, last, createdAt, signer.keyId());
        byte[] signature = signer.sign(statement);
        long id = jdbc.sql("""
                INSERT INTO checkpoints (from_seq, to_seq, root, last_hash, created_at, key_id, signature)
                VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(from, to, hex.parseHex(root), hex.parseHex(last),
                        OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC), signer.keyId(), signature)
                .query(Long.class).single();
        Checkpoint checkpoint = new Checkpoint(id, from, to, root, last, createdAt, signer.keyId(),
                Base64.getEncoder().encodeToString(signature));
        try {
            mirror.write(checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("checkpoint " + id + " could not be written to the mirror", e);
        }
        return checkpoint;
    }

    /** The most recent checkpoint whose range includes {@code seq}. */
    public Optional<Checkpoint> covering(long seq) {
        return jdbc.sql("SELECT * FROM checkpoints WHERE ? BETWEEN from_seq AND to_seq ORDER BY id DESC LIMIT 1")
                .param(seq).query(Checkpoints::map).optional();
    }

    /** Checkpoints lying entirely inside {@code from..to}, oldest first. */
    public List<Checkpoint> within(long from, long to) {
        return jdbc.sql("SELECT * FROM checkpoints WHERE from_seq >= ? AND to_seq <= ? ORDER BY id")
                .params(from, to).query(Checkpoints::map).list();
    }

    public List<Checkpoint> list(long afterId, int limit) {
        return jdbc.sql("SELECT * FROM checkpoints WHERE id > ? ORDER BY id LIMIT ?")
                .params(afterId, limit).query(Checkpoints::map).list();
    }

    /** The ids of every checkpoint in the database. */
    public Set<Long> ids() {
        return new HashSet<>(jdbc.sql("SELECT id FROM checkpoints").query((rs, row) -> rs.getLong(1)).list());
    }

    public Optional<Checkpoint> find(long id) {
        return jdbc.sql("SELECT * FROM checkpoints WHERE id = ?").param(id).query(Checkpoints::map).optional();
    }

    private static Checkpoint map(ResultSet rs, int row) throws SQLException {
        HexFormat hex = HexFormat.of();
        return new Checkpoint(rs.getLong("id"), rs.getLong("from_seq"), rs.getLong("to_seq"),
                hex.formatHex(rs.getBytes("root")), hex.formatHex(rs.getBytes("last_hash")),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(), rs.getString("key_id"),
                Base64.getEncoder().encodeToString(rs.getBytes("signature")));
    }
}
