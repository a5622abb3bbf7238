package io.triage.audit.chain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One recorded decision at position {@code seq} of the chain. {@code userId} is the authenticated principal that
 * recorded it (never a value from the request body); {@code onBehalfOf} is the end user the caller says it acted
 * for, as the caller claims it. {@code ticketId}/{@code userId}/{@code onBehalfOf} are the plain ids (cleared by
 * erasure, not hashed); the {@code *Ref} fields are their keyed pseudonyms, which the chain covers. Hashes are
 * lowercase hex.
 */
public record AuditEvent(
        long seq,
        UUID eventId,
        Instant recordedAt,
        Instant decidedAt,
        String ticketRef,
        @Nullable String userRef,
        @Nullable String ticketId,
        @Nullable String userId,
        @Nullable String onBehalfOfRef,
        @Nullable String onBehalfOf,
        String modelVersion,
        @Nullable String ruleSetVersion,
        RoutingMethod routingMethod,
        Prediction prediction,
        BigDecimal confidence,
        @Nullable String channel,
        @Nullable String language,
        @Nullable String customerSegment,
        Map<String, Long> tierLatenciesMicros,
        @Nullable String traceId,
        String prevHash,
        String hash) {
}
