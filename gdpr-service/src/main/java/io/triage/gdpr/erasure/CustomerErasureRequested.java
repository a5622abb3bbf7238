package io.triage.gdpr.erasure;

import java.util.UUID;

/**
 * Published in the transaction that records a deletion request; starts the erasure with ingestion-service. It
 * carries no customer id: the publication registry keeps events after delivery, and the id is read from the request
 * only while the stores still need it.
 */
public record CustomerErasureRequested(UUID requestId) {
}
