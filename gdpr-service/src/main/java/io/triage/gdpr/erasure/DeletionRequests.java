package io.triage.gdpr.erasure;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.triage.gdpr.config.GdprProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records deletion requests and their receipts; the request and its event are written in one transaction. */
@Service
public class DeletionRequests {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final GdprProperties properties;

    DeletionRequests(JdbcClient jdbc, ApplicationEventPublisher events, GdprProperties properties) {
        this.jdbc = jdbc;
        this.events = events;
        this.properties = properties;
    }

    @Transactional
    public DeletionRequest request(String customerId, String requestedBy, @Nullable String reason) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                INSERT INTO deletion_requests (id, customer_id, requested_by, reason, status)
                VALUES (:id, :customer, :by, :reason, 'PENDING')
                """).param("id", id).param("customer", customerId).param("by", requestedBy)
                .param("reason", reason).update();
        events.publishEvent(new CustomerErasureRequested(id, customerId));
        return find(id).orElseThrow();
    }

    /**
     * Stores a store's receipt once, and completes the request when every store has confirmed. The request row is
     * locked first, so the stores' receipts are recorded one after the other: two receipts recorded at the same moment
     * each saw only their own and the request stayed PENDING for good.
     */
    @Transactional
    public void recordReceipt(UUID requestId, String store, long deletedRecords) {
        jdbc.sql("SELECT id FROM deletion_requests WHERE id = :id FOR UPDATE").param("id", requestId).query()
                .listOfRows();
        jdbc.sql("""
                INSERT INTO deletion_receipts (request_id, store, deleted_records) VALUES (:id, :store, :deleted)
                ON CONFLICT (request_id, store) DO NOTHING
                """).param("id", requestId).param("store", store).param("deleted", deletedRecords).update();
        jdbc.sql("""
                UPDATE deletion_requests SET status = 'COMPLETED', completed_at = now()
                 WHERE id = :id AND status = 'PENDING'
                   AND (SELECT count(*) FROM deletion_receipts WHERE request_id = :id) >= :stores
                """).param("id", requestId).param("stores", properties.stores().size()).update();
    }

    public Optional<DeletionRequest> find(UUID id) {
        List<DeletionReceipt> receipts = jdbc.sql("""
                SELECT store, deleted_records, received_at FROM deletion_receipts WHERE request_id = :id
                ORDER BY store
                """).param("id", id)
                .query((rs, n) -> new DeletionReceipt(rs.getString(1), rs.getLong(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
        return jdbc.sql("SELECT * FROM deletion_requests WHERE id = :id").param("id", id)
                .query((rs, n) -> map(rs, receipts)).optional();
    }

    private static DeletionRequest map(ResultSet rs, List<DeletionReceipt> receipts) throws SQLException {
        var completed = rs.getTimestamp("completed_at");
        return new DeletionRequest(rs.getObject("id", UUID.class), rs.getString("customer_id"),
                rs.getString("requested_by"), rs.getString("reason"),
                DeletionRequest.Status.valueOf(rs.getString("status")), rs.getTimestamp("created_at").toInstant(),
                completed == null ? null : completed.toInstant(), receipts);
    }
}
