package io.triage.audit.chain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

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

    private static final String INSERT_ROWS = """
            WITH rows AS (
                SELECT * FROM unnest(%s) AS r (%s)
            ), logged AS (
                INSERT INTO audit_log (%s) SELECT %s FROM rows
            ), head AS (
                UPDATE chain_head SET seq = ?, hash = decode(?, 'hex'), recorded_at = ? WHERE id = 1
            )
            INSERT INTO audit_event_ids (event_id, seq, recorded_at) SELECT event_id, seq, recorded_at FROM rows
            """.formatted(AuditEventColumns.UNNEST_PARAMETERS, AuditEventRows.COLUMNS, AuditEventRows.COLUMNS,
            AuditEventColumns.SELECT);

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
     * Appends the events of {@code requests} not yet recorded, request after request and each in its own order, in
     * one transaction: one multi-row insert and one move of the chain head. Returns, per request, every event as
     * stored; an event id recorded before, or earlier in the same group (even by the same request), is answered
     * with the original and {@code duplicate=true}.
     */
    @Transactional
    public List<List<Appended>> append(List<AppendRequest> requests) {
        ChainHead head = lockHead();
        Map<UUID, AuditEvent> existing = findByEventIds(requests.stream()
                .flatMap(request -> request.events().stream()).map(NewAuditEvent::eventId).distinct().toList());
        Instant now = CanonicalForm.truncate(clock.instant());
        Instant recordedAt = now.isBefore(head.recordedAt()) ? head.recordedAt() : now;
        byte[] prev = head.hash();
        long seq = head.seq();
        Map<UUID, AuditEvent> fresh = new LinkedHashMap<>();
        List<List<Appended>> result = new ArrayList<>(requests.size());
        for (AppendRequest request : requests) {
            List<Appended> answers = new ArrayList<>(request.events().size());
            for (NewAuditEvent event : request.events()) {
                AuditEvent original = existing.getOrDefault(event.eventId(), fresh.get(event.eventId()));
                if (original != null) {
                    answers.add(new Appended(original, true));
                    continue;
                }
                // The canonical form covers neither hash, so the copy it is computed over carries an empty one.
                AuditEvent unhashed = toEvent(++seq, recordedAt, event, request.principal(), prev, new byte[0]);
                byte[] hash = hasher.hash(prev, unhashed);
                AuditEvent stored = toEvent(seq, recordedAt, event, request.principal(), prev, hash);
                fresh.put(event.eventId(), stored);
                answers.add(new Appended(stored, false));
                prev = hash;
            }
            result.add(answers);
        }
        if (!fresh.isEmpty()) {
            insertAndMoveHead(List.copyOf(fresh.values()));
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

    /**
     * One statement, one round trip: the rows as arrays (one per column, {@code unnest}ed in step), inserted into
     * the log and the event-id index, and the chain head moved to the last of them.
     */
    private void insertAndMoveHead(List<AuditEvent> events) {
        AuditEvent last = events.getLast();
        template.execute(INSERT_ROWS, (PreparedStatement ps) -> {
            Connection connection = ps.getConnection();
            int column = 0;
            for (Function<AuditEvent, @Nullable Object> value : AuditEventColumns.VALUES) {
                @Nullable String[] array = new @Nullable String[events.size()];
                for (int row = 0; row < array.length; row++) {
                    Object v = value.apply(events.get(row));
                    array[row] = v == null ? null : v.toString();
                }
                ps.setArray(++column, connection.createArrayOf("text", array));
            }
            ps.setLong(++column, last.seq());
            ps.setString(++column, last.hash());
            ps.setObject(++column, OffsetDateTime.ofInstant(last.recordedAt(), ZoneOffset.UTC));
            return ps.execute();
        });
    }
}
