package io.triage.classify.training;

/**
 * Where a training run is: a stage name and how far it got ({@code done} of {@code total} units; 0 of 0 for a stage
 * that cannot count). Called from the training threads, so implementations must be thread-safe and cheap; a job
 * resource shows it to whoever polls.
 */
@FunctionalInterface
public interface TrainingProgress {

    /** Reports nothing: the CLI, benchmarks and tests that need no progress. */
    TrainingProgress NONE = (stage, done, total) -> { };

    /**
     * Reports that the run is in {@code stage} with {@code done} of {@code total} units finished.
     *
     * @param stage one of {@code reading}, {@code sanitising}, {@code vectorising}, {@code encoding},
     *              {@code training}, {@code evaluating}, {@code registering}
     * @param done  units finished in this stage
     * @param total units in this stage
     */
    void report(String stage, int done, int total);
}
