package io.triage.gdpr.erasure;

import java.util.UUID;

/**
 * Published (synchronously, inside the transaction) when the last store's receipt completes a request: what follows
 * completion, such as its certificate, is written in that same transaction.
 */
public record ErasureCompleted(UUID requestId) {
}
