package io.triage.audit.manifest;

import java.time.Instant;

import io.triage.audit.chain.CanonicalForm;
import org.jspecify.annotations.Nullable;

/**
 * What an archiver verified about a month before its partition may be detached, and signs (Ed25519) as
 * {@link #statement()}: the positions, the number of events, the data file and its SHA-256, the chain links at
 * both ends, the checkpoint over exactly these events, and when it was verified. The statement is rebuilt from the
 * {@code archives} row, so a changed row no longer matches its signature. A month without events has no links and
 * no checkpoint ({@code -} in the statement).
 */
public record ManifestStatement(
        String month,
        long fromSeq,
        long toSeq,
        long events,
        String dataFile,
        String dataSha256,
        @Nullable String firstPrevHash,
        @Nullable String lastHash,
        @Nullable Long checkpointId,
        Instant verifiedAt,
        String keyId) {

    public static final String FORMAT = "triage-audit-archive/v2";

    /** The exact signed text (UTF-8; each line ends with {@code \n}). */
    public String statement() {
        return FORMAT + "\nmonth=" + month + "\nfrom=" + fromSeq + "\nto=" + toSeq + "\nevents=" + events
                + "\ndata=" + dataFile + "\ndataSha256=" + dataSha256 + "\nfirstPrev=" + orDash(firstPrevHash)
                + "\nlast=" + orDash(lastHash) + "\ncheckpoint=" + orDash(checkpointId) + "\nverified="
                + CanonicalForm.time(verifiedAt) + "\nkey=" + keyId + "\n";
    }

    private static String orDash(@Nullable Object value) {
        return value == null ? "-" : value.toString();
    }
}
