package io.triage.ingestion.ticket;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.triage.pii.SanitizedText;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The sanitised copies ({@code tickets_clean}) and the change feed over them. */
@Repository
public class CleanTicketRepository {

    private static final String SELECT = """
            SELECT c.ticket_id, c.seq, t.source, t.external_id, t.customer_id, t.channel, c.text, c.pii_types,
                   c.source_updated_at, t.received_at
              FROM tickets_clean c JOIN tickets t ON t.id = c.ticket_id
            """;

    private final JdbcClient jdbc;

    CleanTicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the clean text of this version of the ticket; an older version never replaces a newer one. */
    void upsert(Ticket ticket, SanitizedText text) {
        String[] types = text.findings().stream().map(f -> f.type().name()).distinct().sorted()
                .toArray(String[]::new);
        jdbc.sql("""
                INSERT INTO tickets_clean (ticket_id, text, pii_types, source_updated_at)
                VALUES (:id, :text, :types, :updatedAt)
                ON CONFLICT (ticket_id) DO UPDATE
                   SET text = excluded.text, pii_types = excluded.pii_types,
                       source_updated_at = excluded.source_updated_at, sanitised_at = now(),
                       seq = nextval('tickets_clean_seq')
                 WHERE tickets_clean.source_updated_at < excluded.source_updated_at
                """)
                .param("id", ticket.id())
                .param("text", text.text())
                .param("types", types)
                .param("updatedAt", Timestamp.from(ticket.sourceUpdatedAt()))
                .update();
    }

    /**
     * Moves the sanitised copy to a newer version whose text is unchanged: no sanitising, and its {@code seq} stays, so
     * readers of changed text ({@code GET /tickets/clean}) do not see it again.
     */
    void advance(Ticket ticket) {
        jdbc.sql("""
                UPDATE tickets_clean SET source_updated_at = :updatedAt
                 WHERE ticket_id = :id AND source_updated_at < :updatedAt
                """)
                .param("id", ticket.id())
                .param("updatedAt", Timestamp.from(ticket.sourceUpdatedAt()))
                .update();
    }

    public Optional<CleanTicket> find(UUID ticketId) {
        return jdbc.sql(SELECT + " WHERE c.ticket_id = :id").param("id", ticketId)
                .query(CleanTicketRepository::map).optional();
    }

    /** Tickets whose clean text changed after {@code afterSeq}, oldest change first. */
    public List<CleanTicket> changedAfter(long afterSeq, int limit) {
        return jdbc.sql(SELECT + " WHERE c.seq > :after ORDER BY c.seq LIMIT :limit")
                .param("after", afterSeq).param("limit", limit)
                .query(CleanTicketRepository::map).list();
    }

    public List<CleanTicket> recent(@Nullable String customerId, int limit) {
        String where = customerId == null ? "" : " WHERE t.customer_id = :customer";
        var spec = jdbc.sql(SELECT + where + " ORDER BY c.seq DESC LIMIT :limit").param("limit", limit);
        if (customerId != null) {
            spec = spec.param("customer", customerId);
        }
        return spec.query(CleanTicketRepository::map).list();
    }

    private static CleanTicket map(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("pii_types");
        return new CleanTicket(rs.getObject("ticket_id", UUID.class), rs.getLong("seq"),
                TicketSource.valueOf(rs.getString("source")), rs.getString("external_id"),
                rs.getString("customer_id"), rs.getString("channel"), rs.getString("text"),
                List.of((String[]) types.getArray()), rs.getTimestamp("source_updated_at").toInstant(),
                rs.getTimestamp("received_at").toInstant());
    }
}
