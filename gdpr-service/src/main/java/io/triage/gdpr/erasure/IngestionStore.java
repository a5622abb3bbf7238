package io.triage.gdpr.erasure;

import java.util.UUID;

import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/** ingestion-service's erasure endpoint (base URL, timeouts and key: {@code spring.http.serviceclient.ingestion}). */
@HttpExchange
public interface IngestionStore {

    record Erasure(UUID requestId, String customerId) {
    }

    record Receipt(UUID requestId, String store, long deletedRecords, boolean replayed) {
    }

    @PostExchange("/internal/erasures")
    Receipt erase(@RequestBody Erasure erasure);
}
