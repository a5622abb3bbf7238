package io.triage.audit.archive;

import java.time.Instant;

/** An archived month as listed by {@code GET /audit/archive}; {@code deletedAt} is set once retention removed it. */
public record ArchiveEntry(
        String month,
        long fromSeq,
        long toSeq,
        long events,
        String dataFile,
        String dataSha256,
        String manifestFile,
        Long checkpointId,
        Instant archivedAt,
        boolean filesPresent,
        Instant deletedAt,
        String retentionNote,
        String retentionSignature) {
}
