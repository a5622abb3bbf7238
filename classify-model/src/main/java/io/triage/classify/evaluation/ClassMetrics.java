package io.triage.classify.evaluation;

/**
 * Quality of one class on the test split.
 *
 * @param label     the class
 * @param precision share of predictions of this class that were right
 * @param recall    share of this class's examples that were found
 * @param f1        harmonic mean of precision and recall
 * @param support   examples of this class in the test split
 */
public record ClassMetrics(String label, double precision, double recall, double f1, int support) {
}
