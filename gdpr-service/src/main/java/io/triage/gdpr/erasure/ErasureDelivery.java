package io.triage.gdpr.erasure;

import io.triage.gdpr.config.GdprProperties;
import io.triage.platform.client.ResilientCalls;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers each erasure request to the stores, at least once: one listener (and so one publication) per store. The listener runs after the request's transaction
 * commits; if a store is down the publication stays incomplete in {@code event_publication} and is delivered again
 * by {@link #redeliver()} (and on restart). Stores are idempotent on the request id, so a repeat deletes nothing.
 */
@Component
class ErasureDelivery {

    private static final Logger log = LoggerFactory.getLogger(ErasureDelivery.class);

    private final IngestionStore ingestion;
    private final EmbeddingStore embedding;
    private final DeletionRequests requests;
    private final ResilientCalls calls;
    private final IncompleteEventPublications incomplete;
    private final GdprProperties properties;

    ErasureDelivery(IngestionStore ingestion, EmbeddingStore embedding, DeletionRequests requests, ResilientCalls calls,
            IncompleteEventPublications incomplete, GdprProperties properties) {
        this.ingestion = ingestion;
        this.embedding = embedding;
        this.requests = requests;
        this.calls = calls;
        this.incomplete = incomplete;
        this.properties = properties;
    }

    @ApplicationModuleListener
    void eraseTickets(CustomerErasureRequested event) {
        if (!properties.stores().contains("ingestion")) {
            return;
        }
        IngestionStore.Receipt receipt = calls.call("ingestion",
                () -> ingestion.erase(new IngestionStore.Erasure(event.requestId(), event.customerId())));
        requests.recordReceipt(event.requestId(), receipt.store(), receipt.deletedRecords());
        log.info("Erasure {} applied by {}: {} records{}", event.requestId(), receipt.store(),
                receipt.deletedRecords(), receipt.replayed() ? " (replayed)" : "");
    }

    @ApplicationModuleListener
    void eraseVectors(CustomerErasureRequested event) {
        if (!properties.stores().contains("embedding")) {
            return;
        }
        EmbeddingStore.Deletion deletion = calls.call("embedding", () -> embedding.delete(event.customerId()));
        requests.recordReceipt(event.requestId(), "embedding",
                deletion.deletedFromPostgres() + deletion.deletedFromIndex());
        log.info("Erasure {} applied by embedding: {} vectors in Postgres, {} in the index", event.requestId(),
                deletion.deletedFromPostgres(), deletion.deletedFromIndex());
    }

    @Scheduled(fixedDelayString = "${triage.gdpr.redelivery-interval:PT15S}")
    @SchedulerLock(name = "gdpr-erasure-redelivery")
    void redeliver() {
        incomplete.resubmitIncompletePublicationsOlderThan(properties.redeliverAfter());
    }
}
