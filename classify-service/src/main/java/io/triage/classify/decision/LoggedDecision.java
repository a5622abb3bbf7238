package io.triage.classify.decision;

import io.triage.classify.tier.ClassificationResult;

/**
 * A decision as the decision log holds it: the one just logged for this request, or, when the request repeated an
 * {@code Idempotency-Key} already logged, the answer stored with that key.
 *
 * @param result   the answer to give
 * @param replayed {@code true} when {@code result} was stored for an earlier request with the same key
 */
public record LoggedDecision(ClassificationResult result, boolean replayed) {
}
