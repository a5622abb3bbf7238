package io.triage.audit.archive;

import io.triage.audit.checkpoint.Checkpoint;
import io.triage.audit.manifest.ManifestStatement;
import org.jspecify.annotations.Nullable;

/**
 * Written next to each month's data file ({@code audit-YYYY-MM.manifest.json}) once the stored data file has been
 * read back and verified: the archiver's signed statement ({@link ManifestStatement}: positions, count, file
 * SHA-256, chain links at both ends, the checkpoint, when it was verified) with its Ed25519 signature and public
 * key, and the checkpoint whose Merkle root covers exactly these events with its own signed statement — enough for
 * a third party to check the archive without the service.
 */
public record ArchiveManifest(
        String format,
        ManifestStatement manifest,
        String signedStatement,
        String signature,
        String publicKey,
        @Nullable Checkpoint checkpoint,
        @Nullable String checkpointStatement,
        String checkpointPublicKey) {

    public static final String FORMAT = ManifestStatement.FORMAT;
}
