package io.triage.audit.verify;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The outcome of {@code GET /audit/verify}: the positions checked, the checkpoints re-computed, and every finding
 * with the first broken position ({@code null} when the chain is intact).
 */
public record VerificationReport(
        long from,
        long to,
        long eventsChecked,
        int checkpointsChecked,
        boolean valid,
        @Nullable Long firstBrokenSeq,
        List<Finding> findings,
        double seconds) {
}
