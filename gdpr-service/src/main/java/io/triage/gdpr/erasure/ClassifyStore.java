package io.triage.gdpr.erasure;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.service.annotation.HttpExchange;
import org.springframework.web.service.annotation.PostExchange;

/**
 * classify-service's erasure of decisions, feedback and cached LLM answers (base URL, timeouts and key:
 * {@code spring.http.serviceclient.classify}).
 */
@HttpExchange
public interface ClassifyStore {

    record Erasure(UUID requestId, String customerId, List<String> ticketIds) {
    }

    record Receipt(UUID requestId, String store, long deletedRecords, boolean replayed,
            @Nullable Map<String, Object> details) {
    }

    /** Idempotent on the request id. */
    @PostExchange("/internal/erasures")
    Receipt erase(@RequestBody Erasure erasure);
}
