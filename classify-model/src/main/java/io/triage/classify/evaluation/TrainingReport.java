package io.triage.classify.evaluation;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Everything a training run reports: its inputs, where the data came from and how well each head did on the
 * held-out test split.
 *
 * @param c                  logistic regression C
 * @param maxIter            solver iteration limit
 * @param ngramRange         n-gram ranges and min_df, as text
 * @param targetPrecision    precision the serving thresholds were chosen for
 * @param seed               split seed
 * @param dataFingerprint    SHA-256 of the training data
 * @param examples           examples used after rare-class handling
 * @param trainExamples      size of the training split
 * @param validationExamples size of the validation split
 * @param testExamples       size of the test split
 * @param vocabularySize     TF-IDF features
 * @param trainingMillis     wall time of the whole run
 * @param warnings           rare classes merged or dropped, and similar
 * @param heads              one evaluation per head, of the kept model
 * @param model              the kept model (e.g. {@code tfidf-lr}, or the combined model)
 * @param models             every candidate and diagnostic model of the run, with validation and test scores
 * @param noveltyFloor       the kept model's novelty floor (similarity to the nearest training example), if any
 */
public record TrainingReport(double c, int maxIter, String ngramRange, double targetPrecision, long seed,
        String dataFingerprint, int examples, int trainExamples, int validationExamples, int testExamples,
        int vocabularySize, long trainingMillis, List<String> warnings, List<HeadEvaluation> heads,
        String model, List<ModelScore> models, @Nullable Double noveltyFloor) {

    /** Mean macro-F1 over the heads: the number the promotion rule compares. */
    public double macroF1() {
        return heads.stream().mapToDouble(HeadEvaluation::macroF1).average().orElse(0);
    }
}
