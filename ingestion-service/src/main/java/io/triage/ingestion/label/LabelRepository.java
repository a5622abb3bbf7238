package io.triage.ingestion.label;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The current validated labels of each ticket ({@code ticket_labels}) and the pages of labelled tickets. */
@Repository
class LabelRepository {

    private static final String VALIDATED = """
            SELECT l.ticket_id, t.customer_id, c.text, l.department, l.urgency, l.sentiment, l.validated_at
              FROM ticket_labels l JOIN tickets_clean c ON c.ticket_id = l.ticket_id
                   JOIN tickets t ON t.id = l.ticket_id
             WHERE l.validated_at >= :since %s
             ORDER BY l.validated_at, l.ticket_id LIMIT :limit
            """;

    private final JdbcClient jdbc;

    LabelRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Stores the validation unless the ticket already has one validated at the same time or later.
     *
     * @return true when the row was inserted or replaced; false for an unknown ticket, a redelivery or an older
     *         validation
     */
    boolean store(Validation validation) {
        return jdbc.sql("""
                INSERT INTO ticket_labels (ticket_id, department, urgency, sentiment, source, validated_by,
                                           validated_at)
                SELECT t.id, :department, :urgency, :sentiment, :source, :validatedBy, :validatedAt
                  FROM tickets t WHERE t.id = :id
                ON CONFLICT (ticket_id) DO UPDATE
                   SET department = excluded.department, urgency = excluded.urgency,
                       sentiment = excluded.sentiment, source = excluded.source,
                       validated_by = excluded.validated_by, validated_at = excluded.validated_at,
                       stored_at = now()
                 WHERE ticket_labels.validated_at < excluded.validated_at
                """)
                .param("id", validation.ticketId())
                .param("department", validation.department())
                .param("urgency", validation.urgency())
                .param("sentiment", validation.sentiment())
                .param("source", validation.source())
                .param("validatedBy", validation.validatedBy())
                .param("validatedAt", Timestamp.from(validation.validatedAt()))
                .update() > 0;
    }

    Optional<TicketLabels> current(UUID ticketId, boolean applied) {
        return jdbc.sql("""
                SELECT ticket_id, department, urgency, sentiment, source, validated_by, validated_at
                  FROM ticket_labels WHERE ticket_id = :id
                """)
                .param("id", ticketId)
                .query((rs, n) -> new TicketLabels(rs.getObject("ticket_id", UUID.class), rs.getString("department"),
                        rs.getString("urgency"), rs.getString("sentiment"), rs.getString("source"),
                        rs.getString("validated_by"), rs.getTimestamp("validated_at").toInstant(), applied))
                .optional();
    }

    /** Labelled tickets validated at or after {@code since}, after the cursor, in (validatedAt, id) order. */
    List<ValidatedTicket> validatedSince(Instant since, @Nullable LabelCursor after, int limit) {
        String page = after == null ? "" : "AND (l.validated_at, l.ticket_id) > (:afterAt, :afterId)";
        var spec = jdbc.sql(VALIDATED.formatted(page))
                .param("since", Timestamp.from(since))
                .param("limit", limit);
        if (after != null) {
            spec = spec.param("afterAt", Timestamp.from(after.validatedAt())).param("afterId", after.ticketId());
        }
        return spec.query(LabelRepository::map).list();
    }

    private static ValidatedTicket map(ResultSet rs, int row) throws SQLException {
        return new ValidatedTicket(rs.getObject("ticket_id", UUID.class), rs.getString("customer_id"),
                rs.getString("text"), rs.getString("department"), rs.getString("urgency"), rs.getString("sentiment"),
                rs.getTimestamp("validated_at").toInstant());
    }
}
