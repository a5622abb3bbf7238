package io.triage.gdpr.erasure;

import java.util.UUID;

/** Published in the transaction that records a deletion request; delivered at least once to every store. */
public record CustomerErasureRequested(UUID requestId, String customerId) {
}
