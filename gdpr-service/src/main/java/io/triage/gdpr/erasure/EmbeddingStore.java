package io.triage.gdpr.erasure;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** embedding-service's GDPR deletion (base URL, timeouts and key: {@code spring.http.serviceclient.embedding}). */
@HttpExchange
public interface EmbeddingStore {

    /** {@code deletedFromInactiveIndexes}: the indexes of embedding models no longer active. */
    record Deletion(String customerId, long deletedFromPostgres, long deletedFromIndex, long deletedFromInactiveIndexes) {
    }

    /** Idempotent by nature: a repeat finds nothing left and answers zeros. */
    @DeleteExchange("/vectors")
    Deletion delete(@RequestParam String customerId);
}
