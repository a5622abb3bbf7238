package io.triage.gdpr.erasure;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.gdpr.config.GdprProperties;
import io.triage.platform.client.ResilientCalls;
import io.triage.platform.events.DeadLetters;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Async;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The erasure saga. ingestion-service first, as its receipt names the erased tickets; then, with those ids,
 * embedding-service, classify-service and audit-service, one listener (and so one publication) each. Every listener
 * runs after the transaction that published its event commits; if a store fails, its receipt says FAILED with the
 * reason, the publication stays incomplete in {@code event_publication} and is delivered again by
 * {@link #redeliver()} (and on restart). A store that has answered is not called again, and the stores are
 * idempotent on the request id besides. Once ingestion's answer is recorded, ingestion-service is told to drop the
 * ticket ids it kept for a replay.
 *
 * <p>The listeners are not {@code @ApplicationModuleListener}s: those hold a transaction (and a pooled connection)
 * for the whole store call, and noting a failure needs a second one, so a burst of requests exhausted the pool. Here
 * each step's own transaction is short, and the one that records a store's answer also publishes what follows.
 */
@Component
class ErasureDelivery {

    private static final Logger log = LoggerFactory.getLogger(ErasureDelivery.class);

    private final IngestionStore ingestion;
    private final EmbeddingStore embedding;
    private final ClassifyStore classify;
    private final AuditStore audit;
    private final DeletionRequests requests;
    private final ResilientCalls calls;
    private final IncompleteEventPublications incomplete;
    private final GdprProperties properties;
    private final MeterRegistry meters;
    private final DeadLetters deadLetters;

    ErasureDelivery(IngestionStore ingestion, EmbeddingStore embedding, ClassifyStore classify, AuditStore audit,
            DeletionRequests requests, ResilientCalls calls, IncompleteEventPublications incomplete,
            GdprProperties properties, MeterRegistry meters, DeadLetters deadLetters) {
        this.ingestion = ingestion;
        this.embedding = embedding;
        this.classify = classify;
        this.audit = audit;
        this.requests = requests;
        this.calls = calls;
        this.incomplete = incomplete;
        this.properties = properties;
        this.meters = meters;
        this.deadLetters = deadLetters;
    }

    /** The store's answer: what it deleted, its breakdown, and (ingestion only) the erased tickets. */
    private record Answer(long deletedRecords, Map<String, Object> details, @Nullable List<String> ticketIds) {
    }

    @Async
    @TransactionalEventListener
    void eraseTickets(CustomerErasureRequested event) {
        requests.plan(event.requestId());
        if (!properties.stores().contains(DeletionRequests.INGESTION)) {
            requests.skipIngestion(event.requestId());
            return;
        }
        deliver(event.requestId(), DeletionRequests.INGESTION, task -> {
            IngestionStore.Receipt receipt = call(DeletionRequests.INGESTION,
                    () -> ingestion.erase(new IngestionStore.Erasure(task.requestId(), task.customerId())));
            List<String> tickets = receipt.ticketIds() == null ? List.of() : receipt.ticketIds();
            return new Answer(receipt.deletedRecords(), Map.of("tickets", tickets.size()), tickets);
        });
        releaseTicketIds(event.requestId());
    }

    /**
     * Once our record of ingestion's receipt (with its ticket ids) is committed, ingestion-service need not keep the
     * ids for a replay. A failure leaves this publication incomplete: the redelivery finds ingestion answered and
     * only releases again. A 404 (ingestion knows no such request, so keeps nothing of it) counts as released.
     */
    private void releaseTicketIds(UUID requestId) {
        if (!requests.answered(requestId, DeletionRequests.INGESTION)) {
            return;
        }
        call(DeletionRequests.INGESTION, () -> {
            try {
                ingestion.releaseTicketIds(requestId);
            } catch (HttpClientErrorException.NotFound unknown) {
                log.warn("ingestion-service knows no erasure {}: no ticket ids to release", requestId);
            }
            return null;
        });
        meters.counter("gdpr_erasure_ticket_ids_released_total").increment();
    }

    @Async
    @TransactionalEventListener
    void eraseVectors(TicketsErased event) {
        deliver(event.requestId(), "embedding", task -> {
            EmbeddingStore.Deletion deletion = call("embedding", () -> embedding.delete(task.customerId()));
            return new Answer(deletion.deletedFromPostgres() + deletion.deletedFromIndex()
                    + deletion.deletedFromInactiveIndexes() + deletion.blankedBackfillLines(), Map.of(
                    "deletedFromPostgres", deletion.deletedFromPostgres(),
                    "deletedFromIndex", deletion.deletedFromIndex(),
                    "deletedFromInactiveIndexes", deletion.deletedFromInactiveIndexes(),
                    "blankedBackfillLines", deletion.blankedBackfillLines()), null);
        });
    }

    @Async
    @TransactionalEventListener
    void eraseDecisions(TicketsErased event) {
        deliver(event.requestId(), "classify", task -> {
            ClassifyStore.Receipt receipt = call("classify", () -> classify.erase(
                    new ClassifyStore.Erasure(task.requestId(), task.customerId(), task.ticketIds())));
            Map<String, Object> details = new LinkedHashMap<>(receipt.details() == null ? Map.of() : receipt.details());
            details.remove("customerId"); // whatever a store echoes, no plain customer id is kept here
            return new Answer(receipt.deletedRecords(), details, null);
        });
    }

    @Async
    @TransactionalEventListener
    void anonymiseAudit(TicketsErased event) {
        deliver(event.requestId(), "audit", task -> {
            if (task.ticketIds().isEmpty()) {
                // Without tickets there is nothing to clear, and audit-service refuses an empty list.
                return new Answer(0, Map.of("tickets", 0, "eventsCleared", 0), null);
            }
            AuditStore.Receipt receipt = call("audit",
                    () -> audit.anonymise(new AuditStore.Anonymisation(task.requestId(), task.ticketIds())));
            return new Answer(receipt.eventsCleared(),
                    Map.of("tickets", receipt.tickets(), "eventsCleared", receipt.eventsCleared()), null);
        });
    }

    @Scheduled(fixedDelayString = "${triage.gdpr.redelivery-interval:PT15S}")
    @SchedulerLock(name = "gdpr-erasure-redelivery")
    void redeliver() {
        // Publications past triage.platform.events.max-attempts go to the dead letter instead of another try.
        deadLetters.moveExhausted();
        incomplete.resubmitIncompletePublicationsOlderThan(properties.redeliverAfter());
    }

    private void deliver(UUID requestId, String store, Function<ErasureTask, Answer> call) {
        if (!properties.stores().contains(store)) {
            return;
        }
        Optional<ErasureTask> task = requests.due(requestId, store);
        if (task.isEmpty()) {
            return; // answered before (a repeat delivery) or the request is complete
        }
        Answer answer;
        try {
            answer = call.apply(task.get());
        } catch (RuntimeException e) {
            requests.recordFailure(requestId, store, describe(e));
            meters.counter("gdpr_erasure_deliveries", "store", store, "outcome", "failed").increment();
            log.warn("Erasure {} not applied by {} yet ({}); it is delivered again", requestId, store, describe(e));
            throw e;
        }
        if (requests.recordReceipt(requestId, store, answer.deletedRecords(), answer.details(), answer.ticketIds())) {
            meters.counter("gdpr_erasure_deliveries", "store", store, "outcome", "done").increment();
            log.info("Erasure {} applied by {}: {} records", requestId, store, answer.deletedRecords());
        }
    }

    /**
     * The store's answer, through the retries and circuit breaker of {@link ResilientCalls}; a failure is rethrown as
     * it is (not as a 503 problem), so its receipt can say what went wrong.
     */
    private <T> T call(String store, Supplier<T> call) {
        return calls.callOrElse(store, call, failure -> {
            throw failure instanceof RuntimeException e ? e : new IllegalStateException(failure);
        });
    }

    /** The reason kept with a receipt: status or exception type and message, never a response body. */
    private static String describe(RuntimeException failure) {
        String reason = failure instanceof RestClientResponseException response
                ? "HTTP " + response.getStatusCode().value() + " " + response.getStatusText()
                : failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }
}
