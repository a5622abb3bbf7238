package io.triage.ingestion.writeback;

import java.util.UUID;

/**
 * A dead letter was set PENDING again by {@code POST /writebacks/{id}/replay}: published in the same transaction, so the
 * replay's delivery follows at least once.
 *
 * @param writeBackId the write-back
 */
public record WriteBackReplayed(UUID writeBackId) {
}
