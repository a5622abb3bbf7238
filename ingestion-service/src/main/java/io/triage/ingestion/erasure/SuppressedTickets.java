package io.triage.ingestion.erasure;

import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.triage.ingestion.ticket.Suppression;
import io.triage.ingestion.ticket.TicketRepository;
import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The suppression list: every ticket an erasure deleted, as a keyed hash of its source and external id (the erasure's
 * key; no id in the clear). The intake drops a later delivery of such a ticket (a re-import, a webhook for it, a pull
 * that still sees it in the source), so erased data cannot come back; the customer's new tickets are stored as usual.
 * Drops are counted in {@code ingestion_tickets_suppressed_total}.
 */
@Component
class SuppressedTickets implements Suppression {

    private final JdbcClient jdbc;
    private final CustomerHash hash;
    private final Counter dropped;

    SuppressedTickets(JdbcClient jdbc, CustomerHash hash, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.hash = hash;
        this.dropped = Counter.builder("ingestion.tickets.suppressed")
                .description("Deliveries of tickets a GDPR erasure deleted, dropped at intake").register(meters);
    }

    /** Adds the erased tickets to the list (in the erasure's transaction). */
    void add(List<TicketRepository.Erased> erased) {
        for (TicketRepository.Erased ticket : erased) {
            jdbc.sql("INSERT INTO suppressed_tickets (ticket_hash) VALUES (:hash) ON CONFLICT DO NOTHING")
                    .param("hash", key(ticket.source(), ticket.externalId())).update();
        }
    }

    /**
     * Takes the customer's erasure lock for the caller's transaction: exclusive for an erasure, shared for an intake.
     * An erasure so waits for deliveries in flight (and then deletes what they stored), and a delivery arriving
     * during an erasure waits for it (and then finds its ticket on the list).
     */
    void lock(String customerId, boolean exclusive) {
        jdbc.sql(exclusive ? "SELECT pg_advisory_xact_lock(hashtextextended(:hash, 17))"
                : "SELECT pg_advisory_xact_lock_shared(hashtextextended(:hash, 17))")
                .param("hash", hash.of(customerId)).query((rs, n) -> 1).list();
    }

    @Override
    public boolean suppressed(TicketSource source, String externalId, @Nullable String customerId) {
        if (customerId != null) {
            lock(customerId, false);
        }
        boolean suppressed = jdbc.sql("SELECT EXISTS (SELECT 1 FROM suppressed_tickets WHERE ticket_hash = :hash)")
                .param("hash", key(source, externalId)).query(Boolean.class).single();
        if (suppressed) {
            dropped.increment();
        }
        return suppressed;
    }

    private String key(TicketSource source, String externalId) {
        // The source's name cannot contain a line feed, so the pair is unambiguous.
        return hash.of(source.name() + "\n" + externalId);
    }
}
