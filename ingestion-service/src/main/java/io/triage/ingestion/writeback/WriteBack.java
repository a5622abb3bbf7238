package io.triage.ingestion.writeback;

import java.time.Instant;
import java.util.UUID;

import io.triage.ingestion.mapping.WriteBackLevel;
import io.triage.ingestion.ticket.TicketSource;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One decision's write-back, as {@code writebacks} holds it.
 *
 * @param id             the write-back
 * @param ticketId       the ticket
 * @param decisionId     classify-service's decision written back
 * @param source         the ticketing system
 * @param externalId     the ticket's id there
 * @param level          the plan's level
 * @param mappingVersion the mapping version of the last plan (a replay re-plans with the current mapping)
 * @param state          PENDING, SUCCEEDED or FAILED
 * @param attempts       attempts made, over every delivery and replay (each counted before the source is called)
 * @param lastStatus     the HTTP status of the last failed attempt; null for an I/O failure or before any failure
 * @param lastError      why the last attempt failed (the status's reason, the failure's kind, or the plan's
 *                       problem), never a response body
 * @param plan           the last plan, as the mapping made it
 * @param createdAt      when the first delivery began
 * @param updatedAt      when it last changed
 * @param completedAt    when it succeeded or failed for good; null while pending
 */
public record WriteBack(UUID id, UUID ticketId, UUID decisionId, TicketSource source, String externalId,
        WriteBackLevel level, int mappingVersion, WriteBackState state, int attempts, @Nullable Integer lastStatus,
        @Nullable String lastError, JsonNode plan, Instant createdAt, Instant updatedAt, @Nullable Instant completedAt) {
}
