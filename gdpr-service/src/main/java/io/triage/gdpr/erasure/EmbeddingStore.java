package io.triage.gdpr.erasure;

import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.service.annotation.DeleteExchange;
import org.springframework.web.service.annotation.HttpExchange;

/** embedding-service's GDPR deletion (base URL, timeouts and key: {@code spring.http.serviceclient.embedding}). */
@HttpExchange
public interface EmbeddingStore {

    /**
     * embedding-service's answer: {@code deletedFromInactiveIndexes} counts the indexes of models no longer active,
     * {@code blankedBackfillLines} the customer's lines blanked in the backfill files.
     */
    record Deletion(String customerId, long deletedFromPostgres, long deletedFromIndex, long deletedFromInactiveIndexes,
            long blankedBackfillLines) {
    }

    /** Idempotent by nature: a repeat finds nothing left and answers zeros. */
    @DeleteExchange("/vectors")
    Deletion delete(@RequestParam String customerId);
}
