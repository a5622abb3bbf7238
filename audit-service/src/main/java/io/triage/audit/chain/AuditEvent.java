package io.triage.audit.chain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One recorded decision at position {@code seq} of the chain. {@code ticketId}/{@code userId} are the plain ids
 * (cleared by erasure, not hashed); {@code ticketRef}/{@code userRef} are their keyed pseudonyms, which the chain
 * covers. Hashes are lowercase hex.
 */
public record AuditEvent(
        long seq,
        UUID eventId,
        Instant recordedAt,
        Instant decidedAt,
        String ticketRef,
        String userRef,
        String ticketId,
        String userId,
        String modelVersion,
        String ruleSetVersion,
        RoutingMethod routingMethod,
        Prediction prediction,
        BigDecimal confidence,
        String channel,
        String language,
        String customerSegment,
        Map<String, Long> tierLatenciesMicros,
        String traceId,
        String prevHash,
        String hash) {
}
