package io.triage.audit.manifest;

import org.jspecify.annotations.Nullable;

/**
 * A month recorded in {@code archives}, with whether its manifest holds: positions {@code fromSeq..toSeq}
 * ({@code events} of them, none when the month was empty) and the hash of its last event (hex).
 */
public record ArchivedMonth(String month, long fromSeq, long toSeq, long events, @Nullable String lastHash,
        Status status, String detail) {

    /** Whether the archive may stand in for the positions it lists. */
    public enum Status {
        /** A manifest signed by the archiver key, which matches the row. */
        SIGNED,
        /** Archived before signed manifests existed (marked by the migration that introduced them). */
        LEGACY,
        /** No manifest signature, an unknown key, or a signature that does not match the row. */
        INVALID
    }

    /** Whether the month's positions count as archived (covered) for verification. */
    public boolean covers() {
        return status != Status.INVALID && events > 0;
    }
}
