package io.triage.classify.lifecycle.jobs;

/** Where a training job is in its life: QUEUED → RUNNING → SUCCEEDED or FAILED. */
public enum JobState {
    /** Accepted; waits for the training thread. */
    QUEUED,
    /** Training; {@code stage} and {@code progress} say where. */
    RUNNING,
    /** Registered a model version; {@code result} says which and where it landed. */
    SUCCEEDED,
    /** Ended without a version; {@code error} says why, as a ProblemDetail would. */
    FAILED
}
