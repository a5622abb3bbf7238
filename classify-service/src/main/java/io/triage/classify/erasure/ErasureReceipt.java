package io.triage.classify.erasure;

import java.util.UUID;

/**
 * What classify-service deleted for one GDPR request; holds counts only, no customer or ticket id.
 *
 * @param requestId      gdpr-service's request id
 * @param store          always {@value #STORE}
 * @param deletedRecords every record deleted: decisions, feedback, cache reuse rows, LLM calls and LLM cache entries
 *     (idempotency keys live in their decision rows and are not counted twice)
 * @param replayed       true when the request had been applied before and this is its first receipt again
 * @param details        the deletions per store
 */
public record ErasureReceipt(UUID requestId, String store, long deletedRecords, boolean replayed,
        ErasureDetails details) {

    /** The store name gdpr-service files the receipt under. */
    public static final String STORE = "classify";

    ErasureReceipt(UUID requestId, ErasureDetails details, boolean replayed) {
        this(requestId, STORE, details.total(), replayed, details);
    }
}
