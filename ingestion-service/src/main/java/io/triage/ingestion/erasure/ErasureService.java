package io.triage.ingestion.erasure;

import java.sql.Array;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import io.triage.ingestion.config.IngestionProperties;
import io.triage.ingestion.ticket.TicketRepository;
import io.triage.platform.erasure.ErasedReferences;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies a GDPR erasure to this service's stores exactly once per request id: a redelivered request gets the
 * receipt of the first application (ticket ids included) and deletes nothing more. The receipt keeps a keyed hash of
 * the customer id, never the id, and its ticket ids until gdpr-service confirms it has recorded them
 * ({@link #releaseTicketIds}), at most for {@code triage.ingestion.erasure.ticket-ids-retention}.
 */
@Service
public class ErasureService {

    private final JdbcClient jdbc;
    private final TicketRepository tickets;
    private final CustomerHash hash;
    private final SuppressedTickets suppressed;
    private final IngestionProperties.Erasure settings;

    ErasureService(JdbcClient jdbc, TicketRepository tickets, CustomerHash hash, SuppressedTickets suppressed,
            IngestionProperties properties) {
        this.jdbc = jdbc;
        this.suppressed = suppressed;
        this.tickets = tickets;
        this.hash = hash;
        this.settings = properties.erasure();
    }

    @Transactional
    public ErasureReceipt apply(UUID requestId, String customerId) {
        // The row lock makes two concurrent deliveries of one request wait for each other.
        int claimed = jdbc.sql("""
                INSERT INTO erasures (request_id, customer_hash, deleted_tickets) VALUES (:id, :hash, 0)
                ON CONFLICT (request_id) DO NOTHING
                """).param("id", requestId).param("hash", hash.of(customerId)).update();
        if (claimed == 0) {
            return existing(requestId);
        }
        suppressed.lock(customerId, true);
        // The clean copies, validated labels, decisions and write-backs go with their tickets (ON DELETE CASCADE).
        List<TicketRepository.Erased> deleted = tickets.deleteByCustomer(customerId);
        suppressed.add(deleted);
        List<String> erased = deleted.stream().map(ticket -> ticket.id().toString()).toList();
        clearReferences(erased);
        jdbc.sql("""
                UPDATE erasures SET deleted_tickets = :deleted, ticket_ids = string_to_array(:ids, ',')
                 WHERE request_id = :id
                """).param("deleted", erased.size()).param("ids", String.join(",", erased))
                .param("id", requestId).update();
        return new ErasureReceipt(requestId, "ingestion", erased.size(), false, erased);
    }

    /**
     * Other tickets' decisions (classify-service's answers kept in {@code ticket_decisions}) and the write-back plans
     * made from them may name an erased ticket as a similar one: they stay, with its id replaced. One scan of each
     * table per erasure. A note already written back to the source system is beyond reach.
     */
    private void clearReferences(List<String> erased) {
        if (erased.isEmpty()) {
            return;
        }
        String pattern = ErasedReferences.pattern(erased);
        jdbc.sql("""
                UPDATE ticket_decisions
                   SET answer = CAST(regexp_replace(CAST(answer AS text), :pattern, :erased, 'g') AS jsonb)
                 WHERE CAST(answer AS text) ~ :pattern
                """).param("pattern", pattern).param("erased", ErasedReferences.ERASED).update();
        jdbc.sql("""
                UPDATE writebacks
                   SET plan = CAST(regexp_replace(CAST(plan AS text), :pattern, :erased, 'g') AS jsonb)
                 WHERE CAST(plan AS text) ~ :pattern
                """).param("pattern", pattern).param("erased", ErasedReferences.ERASED).update();
    }

    /**
     * Drops the ticket ids kept for a replay of the request, once its caller has recorded them.
     *
     * @return whether the request is known here
     */
    @Transactional
    public boolean releaseTicketIds(UUID requestId) {
        return jdbc.sql("UPDATE erasures SET ticket_ids = NULL WHERE request_id = :id")
                .param("id", requestId).update() == 1;
    }

    /** Receipts past the retention lose their ticket ids (once per cluster). */
    @Scheduled(fixedDelayString = "${triage.ingestion.erasure.cleanup-interval:PT1H}")
    @SchedulerLock(name = "ingestion-erasure-ticket-ids")
    public void forgetOldTicketIds() {
        jdbc.sql("""
                UPDATE erasures SET ticket_ids = NULL
                 WHERE ticket_ids IS NOT NULL AND applied_at < now() - :retention * interval '1 second'
                """).param("retention", settings.ticketIdsRetention().toSeconds()).update();
    }

    private ErasureReceipt existing(UUID requestId) {
        return jdbc.sql("SELECT deleted_tickets, ticket_ids FROM erasures WHERE request_id = :id")
                .param("id", requestId)
                .query((rs, n) -> new ErasureReceipt(requestId, "ingestion", rs.getLong(1), true,
                        strings(rs.getArray(2))))
                .single();
    }

    private static @Nullable List<String> strings(@Nullable Array array) throws SQLException {
        return array == null ? null : List.of((String[]) array.getArray());
    }
}
