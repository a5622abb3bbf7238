package io.triage.embedding.ticket;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.triage.embedding.store.TicketMetadata;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The {@code ticket_embeddings} table, the source of truth for vectors, one model at a time. */
public class TicketEmbeddings {

    private final JdbcClient jdbc;
    private final String model;

    public TicketEmbeddings(JdbcClient jdbc, String model) {
        this.jdbc = jdbc;
        this.model = model;
    }

    public String model() {
        return model;
    }

    /** The stored rows of these tickets, by ticket id. */
    public Map<String, StoredEmbedding> find(Collection<String> ticketIds) {
        Map<String, StoredEmbedding> found = new HashMap<>();
        if (ticketIds.isEmpty()) {
            return found;
        }
        jdbc.sql("SELECT * FROM ticket_embeddings WHERE model = :model AND ticket_id = ANY(:ids)")
                .param("model", model)
                .param("ids", ticketIds.toArray(String[]::new))
                .query(TicketEmbeddings::map)
                .list()
                .forEach(row -> found.put(row.ticketId(), row));
        return found;
    }

    /** Inserts or replaces the row with a new revision; returns the stored row. */
    public StoredEmbedding save(String ticketId, float[] vector, String contentHash, TicketMetadata metadata) {
        return jdbc.sql("""
                INSERT INTO ticket_embeddings (ticket_id, model, dimension, vector, content_hash, customer_id,
                                               department, urgency, sentiment, created_at, revision)
                VALUES (:ticketId, :model, :dimension, :vector, :hash, :customerId, :department, :urgency,
                        :sentiment, :createdAt, nextval('ticket_embedding_revisions'))
                ON CONFLICT (model, ticket_id) DO UPDATE
                   SET vector = excluded.vector, dimension = excluded.dimension,
                       content_hash = excluded.content_hash, customer_id = excluded.customer_id,
                       department = excluded.department, urgency = excluded.urgency,
                       sentiment = excluded.sentiment, created_at = excluded.created_at,
                       revision = excluded.revision, updated_at = now(),
                       embedded_at = CASE WHEN ticket_embeddings.content_hash = excluded.content_hash
                                          THEN ticket_embeddings.embedded_at ELSE now() END
                RETURNING *
                """)
                .param("ticketId", ticketId)
                .param("model", model)
                .param("dimension", vector.length)
                .param("vector", boxed(vector))
                .param("hash", contentHash)
                .param("customerId", metadata.customerId())
                .param("department", metadata.department())
                .param("urgency", metadata.urgency())
                .param("sentiment", metadata.sentiment())
                .param("createdAt", Timestamp.from(metadata.createdAt()))
                .query(TicketEmbeddings::map)
                .single();
    }

    /** Sets the labels that are given (others stay); returns the updated row, or empty when unknown. */
    public Optional<StoredEmbedding> relabel(String ticketId, @Nullable String department, @Nullable String urgency,
            @Nullable String sentiment) {
        return jdbc.sql("""
                UPDATE ticket_embeddings
                   SET department = coalesce(:department, department), urgency = coalesce(:urgency, urgency),
                       sentiment = coalesce(:sentiment, sentiment),
                       revision = nextval('ticket_embedding_revisions'), updated_at = now()
                 WHERE model = :model AND ticket_id = :ticketId
                RETURNING *
                """)
                .param("department", department)
                .param("urgency", urgency)
                .param("sentiment", sentiment)
                .param("model", model)
                .param("ticketId", ticketId)
                .query(TicketEmbeddings::map)
                .optional();
    }

    /** Deletes the customer's rows of every model; returns how many. */
    public long deleteByCustomer(String customerId) {
        return jdbc.sql("DELETE FROM ticket_embeddings WHERE customer_id = :customerId")
                .param("customerId", customerId)
                .update();
    }

    /** Every row's revision, by ticket id. */
    public Map<String, Long> revisions() {
        Map<String, Long> revisions = new HashMap<>();
        jdbc.sql("SELECT ticket_id, revision FROM ticket_embeddings WHERE model = :model")
                .param("model", model)
                .query(rs -> {
                    revisions.put(rs.getString(1), rs.getLong(2));
                });
        return revisions;
    }

    public long count() {
        return jdbc.sql("SELECT count(*) FROM ticket_embeddings WHERE model = :model")
                .param("model", model)
                .query(Long.class)
                .single();
    }

    private static Float[] boxed(float[] vector) {
        Float[] boxed = new Float[vector.length];
        for (int i = 0; i < vector.length; i++) {
            boxed[i] = vector[i];
        }
        return boxed;
    }

    private static StoredEmbedding map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("vector");
        Object[] values = (Object[]) array.getArray();
        float[] vector = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            vector[i] = ((Number) values[i]).floatValue();
        }
        TicketMetadata metadata = new TicketMetadata(rs.getString("customer_id"), rs.getString("department"),
                rs.getString("urgency"), rs.getString("sentiment"), rs.getTimestamp("created_at").toInstant());
        return new StoredEmbedding(rs.getString("ticket_id"), vector, rs.getString("content_hash"), metadata,
                rs.getLong("revision"));
    }
}
