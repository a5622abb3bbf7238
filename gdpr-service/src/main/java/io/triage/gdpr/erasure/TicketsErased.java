package io.triage.gdpr.erasure;

import java.util.UUID;

/**
 * Published with ingestion-service's receipt (in the same transaction): the ticket ids are known, so the other
 * stores (embedding, classify, audit) can be called, one publication each, delivered at least once.
 */
public record TicketsErased(UUID requestId) {
}
