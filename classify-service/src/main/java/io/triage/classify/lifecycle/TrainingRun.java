package io.triage.classify.lifecycle;

import java.time.Instant;
import java.util.Map;

/**
 * A tracked training run: what went in and what came out.
 *
 * @param startedAt       start time
 * @param durationMillis  wall time
 * @param trigger         what started it: {@code upload}, {@code retrain-schedule}, {@code retrain-request}
 * @param params          hyperparameters (C, max_iter, ngram_range, …)
 * @param metrics         macro-F1, accuracy, precision and recall per head
 * @param dataFingerprint SHA-256 of the training data
 * @param reportJson      the full evaluation report as JSON
 */
public record TrainingRun(Instant startedAt, long durationMillis, String trigger, Map<String, Object> params,
        Map<String, Object> metrics, String dataFingerprint, String reportJson) {
}
