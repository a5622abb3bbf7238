package io.triage.gdpr.erasure;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** ingestion-service's erasure endpoint (base URL, timeouts and key: {@code spring.http.serviceclient.ingestion}). */
@HttpExchange
public interface IngestionStore {

    record Erasure(UUID requestId, String customerId) {
    }

    /** @param ticketIds ingestion's ids of the erased tickets, the ids classify-service and audit-service know */
    record Receipt(UUID requestId, String store, long deletedRecords, boolean replayed,
            @Nullable List<String> ticketIds) {
    }

    /** Idempotent on the request id: a replay answers the first receipt again, ticket ids included. */
    @PostExchange("/internal/erasures")
    Receipt erase(@RequestBody Erasure erasure);

    /** We have recorded the receipt: ingestion drops the ticket ids it kept for a replay. Idempotent. */
    @DeleteExchange("/internal/erasures/{requestId}/ticket-ids")
    void releaseTicketIds(@PathVariable UUID requestId);
}
