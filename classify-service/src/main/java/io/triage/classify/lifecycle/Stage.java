package io.triage.classify.lifecycle;

/** Registry stages of a model version, in lifecycle order. */
public enum Stage {
    /** Registered but not good enough to try. */
    NONE,
    /** Beat production by the promotion margin; serves the canary share of traffic. */
    STAGING,
    /** Serves all traffic outside the canary. */
    PRODUCTION,
    /** Replaced; kept for its report and as a rollback target. */
    ARCHIVED
}
