package io.triage.ingestion.erasure;

import java.util.UUID;

import io.triage.ingestion.ticket.TicketRepository;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a GDPR erasure to this service's stores exactly once per request id: a redelivered request gets the
 * receipt of the first application and deletes nothing more.
 */
@Service
public class ErasureService {

    private final JdbcClient jdbc;
    private final TicketRepository tickets;

    ErasureService(JdbcClient jdbc, TicketRepository tickets) {
        this.jdbc = jdbc;
        this.tickets = tickets;
    }

    @Transactional
    public ErasureReceipt apply(UUID requestId, String customerId) {
        // The row lock makes two concurrent deliveries of one request wait for each other.
        int claimed = jdbc.sql("""
                INSERT INTO erasures (request_id, customer_id, deleted_tickets) VALUES (:id, :customer, 0)
                ON CONFLICT (request_id) DO NOTHING
                """).param("id", requestId).param("customer", customerId).update();
        if (claimed == 0) {
            return existing(requestId);
        }
        // The clean copies and validated labels go with their tickets (ON DELETE CASCADE).
        long deleted = tickets.deleteByCustomer(customerId);
        jdbc.sql("UPDATE erasures SET deleted_tickets = :deleted WHERE request_id = :id")
                .param("deleted", deleted).param("id", requestId).update();
        return new ErasureReceipt(requestId, "ingestion", deleted, false);
    }

    private ErasureReceipt existing(UUID requestId) {
        long deleted = jdbc.sql("SELECT deleted_tickets FROM erasures WHERE request_id = :id")
                .param("id", requestId).query(Long.class).single();
        return new ErasureReceipt(requestId, "ingestion", deleted, true);
    }
}
