package io.triage.classify.training;

import io.triage.classify.model.FeatureSettings;
import io.triage.classify.model.SentenceEncoders;
import org.jspecify.annotations.Nullable;

/**
 * Hyperparameters of one training run (tracked with the run).
 *
 * @param c                inverse L2 regularisation strength of the logistic regression
 * @param maxIter          iteration limit of the liblinear solver
 * @param features         n-gram ranges and minimum document frequency
 * @param targetPrecision  per-class thresholds are chosen on the validation split to reach this precision
 * @param seed             seed of the stratified 70/15/15 split
 * @param minClassExamples classes with fewer examples are merged into "other" or dropped
 * @param sentenceEncoder  encoder of the second, combined model (TF-IDF + sentence vector + neighbour vote), which is
 *                         trained beside the TF-IDF model and kept when it wins on validation; null trains TF-IDF only
 * @param maxNeighbours    training vectors the combined model keeps for its neighbour vote (a seeded sample beyond)
 * @param noveltyShare     the combined model's novelty floor is the similarity below which this share of validation
 *                         texts lies (their most similar stored example); texts below it always ask for review.
 *                         0 turns the floor off
 */
public record TrainingParams(double c, int maxIter, FeatureSettings features, double targetPrecision, long seed,
        int minClassExamples, @Nullable String sentenceEncoder, int maxNeighbours, double noveltyShare) {

    /** Default of {@code maxNeighbours}: 10,000 × 384 dimensions is 7.5 MiB of half-precision floats. */
    public static final int MAX_NEIGHBOURS = 10_000;
    /** Default of {@code noveltyShare}: on CLINC150 it sends 66 % of out-of-scope queries to review (31 % without). */
    public static final double NOVELTY_SHARE = 0.01;

    public TrainingParams {
        if (c <= 0 || maxIter < 1 || targetPrecision <= 0 || targetPrecision > 1 || minClassExamples < 1
                || maxNeighbours < 1 || noveltyShare < 0 || noveltyShare > 0.5) {
            throw new IllegalArgumentException("invalid training parameters: C=" + c + ", max_iter=" + maxIter
                    + ", target precision=" + targetPrecision + ", min class examples=" + minClassExamples
                    + ", max neighbours=" + maxNeighbours + ", novelty share=" + noveltyShare + " (0 to 0.5)");
        }
        if (sentenceEncoder != null && SentenceEncoders.named(sentenceEncoder).isEmpty()) {
            throw new IllegalArgumentException("unknown sentence encoder '" + sentenceEncoder + "'; this build has "
                    + SentenceEncoders.names());
        }
    }

    /**
     * C = 10, 1,000 iterations, word 1–2 + char 2–5-grams, precision 0.95, seed 42, classes of at least 10, the
     * combined model with the standard sentence encoder and a novelty floor at the validation's lowest 1 %.
     */
    public static TrainingParams defaults() {
        return new TrainingParams(10, 1000, FeatureSettings.defaults(), 0.95, 42, 10, SentenceEncoders.standard().name(),
                MAX_NEIGHBOURS, NOVELTY_SHARE);
    }

    /** The same parameters without the combined model: TF-IDF + logistic regression only. */
    public TrainingParams tfidfOnly() {
        return new TrainingParams(c, maxIter, features, targetPrecision, seed, minClassExamples, null, maxNeighbours,
                noveltyShare);
    }
}
