package io.triage.classify.lifecycle.provenance;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * A model version that learnt from an erased customer's text, as {@code GET /models/retirements} lists it.
 *
 * @param modelVersion the version to retire
 * @param state        PENDING until the retirement job retired it, then DONE
 * @param flaggedAt    when the first erasure (or the registration, for data read before an erasure) flagged it
 * @param retireBy     the deadline: erasure time + {@code triage.classify.models.retirement-window}
 * @param erasures     how many erasures flagged it
 * @param replacedBy   the version retrained without the erased text that replaced it in production, if it served
 * @param retiredAt    when it was retired (its artifact deleted)
 * @param overdue      still pending after {@code retireBy}
 */
public record Retirement(long modelVersion, State state, Instant flaggedAt, Instant retireBy, int erasures,
        @Nullable Long replacedBy, @Nullable Instant retiredAt, boolean overdue) {

    /** Where a retirement stands. */
    public enum State {
        /** Still to retire. */
        PENDING,
        /** Retired: stage RETIRED, artifact deleted. */
        DONE
    }
}
