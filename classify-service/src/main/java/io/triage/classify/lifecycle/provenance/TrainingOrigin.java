package io.triage.classify.lifecycle.provenance;

/** Where a model version's training examples came from. */
public enum TrainingOrigin {
    /** ingestion-service's validated tickets: every example names its ticket and (keyed) customer. */
    TICKETS,
    /**
     * A labelled file (an upload, the retraining data file, the demo seed): no customer is known, so no erasure ever
     * flags the version.
     */
    FILE
}
