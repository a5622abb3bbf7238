package io.triage.classify.lifecycle;

/** Registry stages of a model version, in lifecycle order (RETIRED can follow any of the others). */
public enum Stage {
    /** Registered but not good enough to try. */
    NONE,
    /** Beat production by the promotion margin; serves the canary share of traffic. */
    STAGING,
    /** Serves all traffic outside the canary. */
    PRODUCTION,
    /** Replaced; kept for its report and as a rollback target. */
    ARCHIVED,
    /**
     * Trained on the text of a customer since erased: its artifact is deleted, its registry row (scores, report,
     * checksum, {@code retiredAt}) kept. Never served again.
     */
    RETIRED
}
