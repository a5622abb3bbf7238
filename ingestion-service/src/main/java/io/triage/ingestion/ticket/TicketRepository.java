package io.triage.ingestion.ticket;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tickets in Postgres; upserts are idempotent on (source, external id, source updated-at). */
@Repository
public class TicketRepository {

    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the ticket, or updates the stored one when this version is newer. A redelivered or older version
     * changes nothing.
     *
     * @return the stored ticket, and whether this call inserted or changed it
     */
    public Upsert upsert(NewTicket ticket) {
        return upsert(ticket, SourceAttributes.NONE);
    }

    /**
     * As {@link #upsert(NewTicket)}, also storing what the source says beyond the text. An empty subject or
     * description keeps the stored one: some webhook events carry a snapshot without the text (imports never do,
     * their text is required).
     */
    public Upsert upsert(NewTicket ticket, SourceAttributes attributes) {
        // RETURNING answers the row when this call inserted or changed it; otherwise it is read.
        // The CTE reads the stored text as it was before this statement, so the answer says whether the text changed.
        Optional<Upsert> written = jdbc.sql("""
                WITH before AS (SELECT subject, description FROM tickets
                                 WHERE source = :source AND external_id = :externalId)
                INSERT INTO tickets (id, source, external_id, customer_id, channel, subject, description,
                                     source_updated_at, number, source_priority, source_created_at, source_fields)
                VALUES (:id, :source, :externalId, :customerId, :channel, :subject, :description, :updatedAt,
                        :number, :priority, :createdAt, CAST(:fields AS jsonb))
                ON CONFLICT (source, external_id) DO UPDATE
                   SET customer_id = excluded.customer_id, channel = excluded.channel,
                       subject = coalesce(nullif(excluded.subject, ''), tickets.subject),
                       description = coalesce(nullif(excluded.description, ''), tickets.description),
                       source_updated_at = excluded.source_updated_at, received_at = now(),
                       number = excluded.number, source_priority = excluded.source_priority,
                       source_created_at = excluded.source_created_at, source_fields = excluded.source_fields
                 WHERE tickets.source_updated_at < excluded.source_updated_at
                RETURNING *, (SELECT subject FROM before) AS subject_before,
                          (SELECT description FROM before) AS description_before
                """)
                .param("id", UUID.randomUUID())
                .param("source", ticket.source().name())
                .param("externalId", ticket.externalId())
                .param("customerId", ticket.customerId())
                .param("channel", ticket.channel())
                .param("subject", ticket.subject())
                .param("description", ticket.description())
                .param("updatedAt", Timestamp.from(ticket.sourceUpdatedAt()))
                .param("number", attributes.number())
                .param("priority", attributes.priority())
                .param("createdAt", attributes.createdAt() == null ? null : Timestamp.from(attributes.createdAt()))
                .param("fields", attributes.sourceFields())
                .query((rs, row) -> {
                    Ticket now = map(rs, row);
                    boolean textChanged = !now.subject().equals(rs.getString("subject_before"))
                            || !now.description().equals(rs.getString("description_before"));
                    return new Upsert(now, true, textChanged);
                })
                .optional();
        if (written.isPresent()) {
            return written.get();
        }
        Ticket stored = jdbc.sql("SELECT * FROM tickets WHERE source = :source AND external_id = :externalId")
                .param("source", ticket.source().name())
                .param("externalId", ticket.externalId())
                .query(TicketRepository::map)
                .single();
        return new Upsert(stored, false, false);
    }

    /**
     * The stored ticket after an upsert.
     *
     * @param changed     false for a redelivered or older version
     * @param textChanged whether the subject or description changed (always, for a new ticket); a newer version
     *                    that only moves fields (group, priority, a comment) keeps its text
     */
    public record Upsert(Ticket ticket, boolean changed, boolean textChanged) {
    }

    /** The stored ticket, unless there is none (never received, or erased). */
    public Optional<Ticket> find(UUID id) {
        return jdbc.sql("SELECT * FROM tickets WHERE id = :id").param("id", id).query(TicketRepository::map)
                .optional();
    }

    /** Deletes the customer's tickets (their clean copies, labels and decisions go with them); which they were. */
    public List<Erased> deleteByCustomer(String customerId) {
        return jdbc.sql("DELETE FROM tickets WHERE customer_id = :customerId RETURNING id, source, external_id")
                .param("customerId", customerId)
                .query((rs, n) -> new Erased(rs.getObject(1, UUID.class), TicketSource.valueOf(rs.getString(2)),
                        rs.getString(3))).list();
    }

    /** A ticket an erasure deleted: its id here, and where it came from. */
    public record Erased(UUID id, TicketSource source, String externalId) {
    }

    private static Ticket map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Ticket(rs.getObject("id", UUID.class), TicketSource.valueOf(rs.getString("source")),
                rs.getString("external_id"), rs.getString("customer_id"), rs.getString("channel"),
                rs.getString("subject"), rs.getString("description"),
                rs.getTimestamp("source_updated_at").toInstant(), rs.getTimestamp("received_at").toInstant());
    }
}
