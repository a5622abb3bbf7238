package io.triage.classify.erasure;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Deletions of one erasure per store, named as the tables (and the Redis cache) they came from.
 *
 * @param decisions          rows of {@code decisions}: the tickets' and the customer's (keyed or legacy hash)
 * @param decisionFeedback   rows of {@code decision_feedback} of those decisions
 * @param cacheReuseAccuracy rows of {@code cache_reuse_accuracy} of those tickets as neighbours
 * @param llmCalls           rows of {@code llm_calls} made for those decisions or tickets
 * @param idempotencyKeys    {@code Idempotency-Key}s (with their stored answers) that went with those decisions
 * @param llmCacheEntries    LLM response-cache entries in Redis made from or reused for those tickets or customer
 * @param neighbourReferences other tickets' decisions that named one of those tickets as a similar ticket: kept, with
 *                           the id replaced by {@code "erased"} (not deleted, so not part of {@link #total()})
 * @param modelVersionsTrainedOnCustomer model versions (any stage) trained on the customer's tickets: each is
 *                           retired (retrained without them, artifact deleted) by {@code retireBy}
 * @param retireBy           the retirement deadline of those versions (erasure time + retirement window); null
 *                           when no version was trained on the customer
 */
public record ErasureDetails(
        long decisions,
        @JsonProperty("decision_feedback") long decisionFeedback,
        @JsonProperty("cache_reuse_accuracy") long cacheReuseAccuracy,
        @JsonProperty("llm_calls") long llmCalls,
        @JsonProperty("idempotency_keys") long idempotencyKeys,
        @JsonProperty("llm_cache_entries") long llmCacheEntries,
        @JsonProperty("neighbour_references") long neighbourReferences,
        @Nullable List<Long> modelVersionsTrainedOnCustomer,
        @Nullable Instant retireBy) {

    public ErasureDetails {
        // Receipts stored before model provenance existed have neither field.
        modelVersionsTrainedOnCustomer = modelVersionsTrainedOnCustomer == null ? List.of()
                : List.copyOf(modelVersionsTrainedOnCustomer);
    }

    /**
     * Every deleted record; idempotency keys are part of their decision rows, so not added again, and model versions
     * are retired later, not deleted here.
     */
    long total() {
        return decisions + decisionFeedback + cacheReuseAccuracy + llmCalls + llmCacheEntries;
    }
}
