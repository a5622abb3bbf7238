package io.triage.classify.training;

import io.triage.classify.model.FeatureSettings;

/**
 * Hyperparameters of one training run (tracked with the run).
 *
 * @param c                inverse L2 regularisation strength of the logistic regression
 * @param maxIter          iteration limit of the liblinear solver
 * @param features         n-gram ranges and minimum document frequency
 * @param targetPrecision  per-class thresholds are chosen on the validation split to reach this precision
 * @param seed             seed of the stratified 70/15/15 split
 * @param minClassExamples classes with fewer examples are merged into "other" or dropped
 */
public record TrainingParams(double c, int maxIter, FeatureSettings features, double targetPrecision, long seed,
        int minClassExamples) {

    public TrainingParams {
        if (c <= 0 || maxIter < 1 || targetPrecision <= 0 || targetPrecision > 1 || minClassExamples < 1) {
            throw new IllegalArgumentException("invalid training parameters: C=" + c + ", max_iter=" + maxIter
                    + ", target precision=" + targetPrecision + ", min class examples=" + minClassExamples);
        }
    }

    /** C = 10, 1,000 iterations, word 1–2 + char 2–5-grams, precision 0.95, seed 42, classes of at least 10. */
    public static TrainingParams defaults() {
        return new TrainingParams(10, 1000, FeatureSettings.defaults(), 0.95, 42, 10);
    }

    public TrainingParams withTargetPrecision(double precision) {
        return new TrainingParams(c, maxIter, features, precision, seed, minClassExamples);
    }
}
