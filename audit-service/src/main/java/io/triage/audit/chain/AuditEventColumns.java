package io.triage.audit.chain;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The {@code audit_log} columns as parallel arrays for one multi-row insert ({@code unnest}): each column's value of
 * an event as text, in {@link AuditEventRows#COLUMNS} order, and the SQL type the array is cast to.
 */
final class AuditEventColumns {

    private record Column(String type, Function<AuditEvent, @Nullable Object> value) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("bigint", AuditEvent::seq),
            new Column("uuid", AuditEvent::eventId),
            new Column("timestamptz", AuditEvent::recordedAt),
            new Column("timestamptz", AuditEvent::decidedAt),
            new Column("text", AuditEvent::ticketRef),
            new Column("text", AuditEvent::userRef),
            new Column("text", AuditEvent::ticketId),
            new Column("text", AuditEvent::userId),
            new Column("text", AuditEvent::onBehalfOfRef),
            new Column("text", AuditEvent::onBehalfOf),
            new Column("text", AuditEvent::modelVersion),
            new Column("text", AuditEvent::ruleSetVersion),
            new Column("text", e -> e.routingMethod().name()),
            new Column("text", e -> e.prediction().department()),
            new Column("text", e -> e.prediction().urgency()),
            new Column("text", e -> e.prediction().sentiment()),
            new Column("numeric", e -> e.confidence().toPlainString()),
            new Column("text", AuditEvent::channel),
            new Column("text", AuditEvent::language),
            new Column("text", AuditEvent::customerSegment),
            new Column("text", e -> CanonicalForm.latencies(e.tierLatenciesMicros())),
            new Column("text", AuditEvent::traceId),
            // Hashes travel as hex (as the event carries them) and are decoded in the statement.
            new Column("text", AuditEvent::prevHash),
            new Column("text", AuditEvent::hash));

    /** Each column's value of an event, in column order; {@code toString()} of it is what the array holds. */
    static final List<Function<AuditEvent, @Nullable Object>> VALUES = COLUMNS.stream().map(Column::value).toList();

    /** The {@code unnest} arguments: one text array parameter per column, cast to the column's type. */
    static final String UNNEST_PARAMETERS = COLUMNS.stream().map(c -> "?::" + c.type() + "[]")
            .collect(Collectors.joining(", "));

    /** The select list that inserts the {@code unnest}ed rows (hashes decoded from hex). */
    static final String SELECT = AuditEventRows.COLUMNS.replace("prev_hash, hash",
            "decode(prev_hash, 'hex'), decode(hash, 'hex')");

    private AuditEventColumns() {
    }
}
