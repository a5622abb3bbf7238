package io.triage.audit.archive;

import io.triage.audit.checkpoint.Checkpoint;
import org.jspecify.annotations.Nullable;

/**
 * Written next to each month's data file ({@code audit-YYYY-MM.manifest.json}): what the file holds, its SHA-256,
 * the chain links at both ends, and the signed checkpoint whose Merkle root covers exactly these events — enough
 * for a third party to check the archive without the service. A month without events has no links and no
 * checkpoint.
 */
public record ArchiveManifest(
        String format,
        String month,
        long fromSeq,
        long toSeq,
        long events,
        String dataFile,
        String dataSha256,
        @Nullable String firstPrevHash,
        @Nullable String lastHash,
        @Nullable Checkpoint checkpoint,
        @Nullable String signedStatement,
        String publicKey) {

    public static final String FORMAT = "triage-audit-archive/v1";
}
