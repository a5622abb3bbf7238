package io.triage.audit.archive;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * An archived month as listed by {@code GET /audit/archive}: {@code verifiedAt}/{@code manifestKeyId} say when the
 * archiver verified and signed it (absent for months archived before signed manifests); {@code deletedAt} is set
 * once retention removed it.
 */
public record ArchiveEntry(
        String month,
        long fromSeq,
        long toSeq,
        long events,
        String dataFile,
        String dataSha256,
        String manifestFile,
        @Nullable Long checkpointId,
        Instant archivedAt,
        @Nullable Instant verifiedAt,
        @Nullable String manifestKeyId,
        boolean filesPresent,
        @Nullable Instant deletedAt,
        @Nullable String retentionNote,
        @Nullable String retentionSignature) {
}
