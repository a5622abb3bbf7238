package io.triage.classify.lifecycle.jobs;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A training or retraining job as {@code GET /models/jobs/{id}} shows it.
 *
 * @param id         job id, the last segment of its {@code Location}
 * @param trigger    what started it: {@code upload}, {@code retrain-request} or {@code retrain-schedule}
 * @param state      QUEUED, RUNNING, SUCCEEDED or FAILED
 * @param stage      reading, sanitising, vectorising, encoding, training, evaluating, registering; then done or
 *                   failed
 * @param progress   units done in the current stage (texts sanitised or encoded, heads trained)
 * @param createdAt  when it was accepted
 * @param startedAt  when training began
 * @param finishedAt when it succeeded or failed
 * @param result     on success: the version, its stage, scores and the report's path
 * @param error      on failure: why, as a ProblemDetail
 */
public record TrainingJob(UUID id, String trigger, JobState state, String stage, Progress progress,
        Instant createdAt, @Nullable Instant startedAt, @Nullable Instant finishedAt,
        @Nullable TrainingSummary result, @Nullable JobProblem error) {

    /** The job resource's path. */
    public String location() {
        return "/models/jobs/" + id;
    }

    /**
     * How far the current stage got.
     *
     * @param done  units finished
     * @param total units in the stage; 0 when the stage cannot count
     */
    public record Progress(int done, int total) {
    }
}
