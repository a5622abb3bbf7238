package io.triage.audit.chain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The chain in Postgres. An append locks the single {@code chain_head} row, so appends from any number of threads or
 * instances are serialised and the chain never forks; event ids already recorded are answered, not re-appended.
 */
@Repository
public class AuditLog {

    private static final String INSERT = "INSERT INTO audit_log (" + AuditEventRows.COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Pseudonyms pseudonyms;
    private final ChainHasher hasher;
    private final Clock clock;

    AuditLog(JdbcClient jdbc, JdbcTemplate template, Pseudonyms pseudonyms, ChainHasher hasher, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.pseudonyms = pseudonyms;
        this.hasher = hasher;
        this.clock = clock;
    }

    /**
     * Appends the events not yet recorded, in request order, as recorded by {@code principal} (the authenticated
     * caller's name); returns every event of the request as stored.
     */
    @Transactional
    public List<Appended> append(List<NewAuditEvent> events, String principal) {
        ChainHead head = lockHead();
        Map<UUID, AuditEvent> existing = findByEventIds(events.stream().map(NewAuditEvent::eventId).toList());
        Instant now = CanonicalForm.truncate(clock.instant());
        Instant recordedAt = now.isBefore(head.recordedAt()) ? head.recordedAt() : now;
        byte[] prev = head.hash();
        long seq = head.seq();
        Map<UUID, AuditEvent> fresh = new LinkedHashMap<>();
        for (NewAuditEvent event : events) {
            if (existing.containsKey(event.eventId()) || fresh.containsKey(event.eventId())) {
                continue;
            }
            // The canonical form covers neither hash, so the copy it is computed over carries an empty one.
            AuditEvent unhashed = toEvent(++seq, recordedAt, event, principal, prev, new byte[0]);
            byte[] hash = hasher.hash(prev, unhashed);
            fresh.put(event.eventId(), toEvent(seq, recordedAt, event, principal, prev, hash));
            prev = hash;
        }
        if (!fresh.isEmpty()) {
            insert(List.copyOf(fresh.values()));
            jdbc.sql("UPDATE chain_head SET seq = ?, hash = ?, recorded_at = ? WHERE id = 1")
                    .params(seq, prev, OffsetDateTime.ofInstant(recordedAt, ZoneOffset.UTC)).update();
        }
        List<Appended> result = new ArrayList<>(events.size());
        for (NewAuditEvent event : events) {
            AuditEvent original = existing.get(event.eventId());
            result.add(original != null ? new Appended(original, true)
                    : new Appended(Objects.requireNonNull(fresh.get(event.eventId()), "appended above"), false));
        }
        return result;
    }

    public ChainHead head() {
        return jdbc.sql("SELECT seq, hash, recorded_at FROM chain_head WHERE id = 1")
                .query((rs, row) -> new ChainHead(rs.getLong(1), rs.getBytes(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .single();
    }

    /** The first position with a stored row, if any (earlier ones are archived, or missing). */
    public OptionalLong firstStoredSeq() {
        long first = jdbc.sql("SELECT coalesce(min(seq), 0) FROM audit_log").query(Long.class).single();
        return first > 0 ? OptionalLong.of(first) : OptionalLong.empty();
    }

    /** How many of the positions {@code from..to} have a stored row. */
    public long storedPositions(long from, long to) {
        return jdbc.sql("SELECT count(DISTINCT seq) FROM audit_log WHERE seq BETWEEN ? AND ?").params(from, to)
                .query(Long.class).single();
    }

    /** The first of the positions {@code from..to} without a stored row, if any. */
    public OptionalLong firstMissing(long from, long to) {
        long missing = jdbc.sql("""
                SELECT coalesce(min(s), 0) FROM generate_series(?::bigint, ?::bigint) s
                 WHERE NOT EXISTS (SELECT 1 FROM audit_log WHERE seq = s)""")
                .params(from, to).query(Long.class).single();
        return missing > 0 ? OptionalLong.of(missing) : OptionalLong.empty();
    }

    public Optional<AuditEvent> findByEventId(UUID eventId) {
        return Optional.ofNullable(findByEventIds(List.of(eventId)).get(eventId));
    }

    /** Streams the stored rows with {@code from <= seq <= to} in chain order, as they are (tampered or not). */
    @Transactional(readOnly = true)
    public void forEachInRange(long from, long to, Consumer<AuditEvent> consumer) {
        template.query(con -> {
            PreparedStatement ps = con.prepareStatement("SELECT " + AuditEventRows.COLUMNS
                    + " FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq, recorded_at");
            ps.setFetchSize(2_000);
            ps.setLong(1, from);
            ps.setLong(2, to);
            return ps;
        }, rs -> {
            consumer.accept(AuditEventRows.map(rs, 0));
        });
    }

    /** Stored hashes of positions {@code from..to} in chain order (the leaves of a checkpoint). */
    public List<byte[]> hashes(long from, long to) {
        return jdbc.sql("SELECT hash FROM audit_log WHERE seq BETWEEN ? AND ? ORDER BY seq, recorded_at")
                .params(from, to).query((rs, row) -> rs.getBytes(1)).list();
    }

    /** Creates missing monthly partitions from {@code month} on (idempotent). */
    public int ensurePartitions(LocalDate month, int months) {
        return jdbc.sql("SELECT create_audit_partitions(?, ?)").params(month, months).query(Integer.class).single();
    }

    private ChainHead lockHead() {
        return jdbc.sql("SELECT seq, hash, recorded_at FROM chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, row) -> new ChainHead(rs.getLong(1), rs.getBytes(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .single();
    }

    private Map<UUID, AuditEvent> findByEventIds(List<UUID> eventIds) {
        Map<UUID, AuditEvent> found = new LinkedHashMap<>();
        jdbc.sql("SELECT " + prefixed("l.") + " FROM audit_event_ids i JOIN audit_log l "
                        + "ON l.seq = i.seq AND l.recorded_at = i.recorded_at WHERE i.event_id = ANY (?)")
                .param(eventIds.toArray(UUID[]::new))
                .query(AuditEventRows::map)
                .list()
                .forEach(event -> found.put(event.eventId(), event));
        return found;
    }

    private static String prefixed(String alias) {
        return alias + AuditEventRows.COLUMNS.replace(", ", ", " + alias);
    }

    private AuditEvent toEvent(long seq, Instant recordedAt, NewAuditEvent e, String principal, byte[] prev,
            byte[] hash) {
        HexFormat hex = HexFormat.of();
        // Stored as NUMERIC(7,6): round here, as the database would, so the hashed value is the stored value.
        BigDecimal confidence = e.confidence().setScale(6, RoundingMode.HALF_UP);
        Map<String, Long> latencies = e.tierLatenciesMicros() == null ? Map.of()
                : new TreeMap<>(e.tierLatenciesMicros());
        return new AuditEvent(seq, e.eventId(), recordedAt, CanonicalForm.truncate(e.decidedAt()),
                pseudonyms.of(e.ticketId()), pseudonyms.of(principal), e.ticketId(), principal,
                e.onBehalfOf() == null ? null : pseudonyms.of(e.onBehalfOf()), e.onBehalfOf(), e.modelVersion(), e.ruleSetVersion(), e.routingMethod(), e.prediction(), confidence,
                e.channel(), e.language(), e.customerSegment(), latencies, e.traceId(), hex.formatHex(prev),
                hex.formatHex(hash));
    }

    private void insert(List<AuditEvent> events) {
        HexFormat hex = HexFormat.of();
        template.batchUpdate(INSERT, events, 500, (ps, e) -> {
            int i = 0;
            ps.setLong(++i, e.seq());
            ps.setObject(++i, e.eventId());
            ps.setObject(++i, OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
            ps.setObject(++i, OffsetDateTime.ofInstant(e.decidedAt(), ZoneOffset.UTC));
            ps.setString(++i, e.ticketRef());
            ps.setString(++i, e.userRef());
            ps.setString(++i, e.ticketId());
            ps.setString(++i, e.userId());
            ps.setString(++i, e.onBehalfOfRef());
            ps.setString(++i, e.onBehalfOf());
            ps.setString(++i, e.modelVersion());
            ps.setString(++i, e.ruleSetVersion());
            ps.setString(++i, e.routingMethod().name());
            ps.setString(++i, e.prediction().department());
            ps.setString(++i, e.prediction().urgency());
            ps.setString(++i, e.prediction().sentiment());
            ps.setBigDecimal(++i, e.confidence());
            ps.setString(++i, e.channel());
            ps.setString(++i, e.language());
            ps.setString(++i, e.customerSegment());
            ps.setString(++i, CanonicalForm.latencies(e.tierLatenciesMicros()));
            ps.setString(++i, e.traceId());
            ps.setBytes(++i, hex.parseHex(e.prevHash()));
            ps.setBytes(++i, hex.parseHex(e.hash()));
        });
        template.batchUpdate("INSERT INTO audit_event_ids (event_id, seq, recorded_at) VALUES (?, ?, ?)", events, 500,
                (ps, e) -> {
                    ps.setObject(1, e.eventId());
                    ps.setLong(2, e.seq());
                    ps.setObject(3, OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC),
                            Types.TIMESTAMP_WITH_TIMEZONE);
                });
    }
}
