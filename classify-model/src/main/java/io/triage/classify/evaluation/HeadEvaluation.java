package io.triage.classify.evaluation;

import java.util.List;

/**
 * Evaluation of one head on the test split.
 *
 * @param head              head name
 * @param labels            classes, in confusion-matrix order
 * @param accuracy          share of test examples predicted right
 * @param macroF1           unweighted mean of the per-class F1
 * @param perClass          precision, recall, F1 and support per class
 * @param confusion         {@code confusion[gold][predicted]} counts
 * @param precisionCoverage precision of the most confident 10 %, 20 %, … 100 % of test predictions
 * @param operatingPoints   coverage and precision at each target precision, thresholds chosen on validation
 * @param testExamples      size of the test split for this head
 */
public record HeadEvaluation(String head, List<String> labels, double accuracy, double macroF1,
        List<ClassMetrics> perClass, int[][] confusion, List<CoveragePoint> precisionCoverage,
        List<OperatingPoint> operatingPoints, int testExamples) {
}
