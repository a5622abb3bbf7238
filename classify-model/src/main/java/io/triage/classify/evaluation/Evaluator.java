package io.triage.classify.evaluation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/** Computes a {@link HeadEvaluation} from scored validation and test predictions. */
public final class Evaluator {

    /** Target precisions every report shows coverage for. */
    public static final List<Double> PRECISION_LEVELS = List.of(0.90, 0.95, 0.98, 0.99);

    private Evaluator() {
    }

    /**
     * @param thresholdsFor chooses per-class thresholds on the validation predictions for a target precision
     */
    public static HeadEvaluation evaluate(String head, List<String> labels, List<Scored> validation,
            List<Scored> test, BiFunction<List<Scored>, Double, double[]> thresholdsFor) {
        int classes = labels.size();
        int[][] confusion = new int[classes][classes];
        int correct = 0;
        for (Scored s : test) {
            confusion[s.gold()][s.predicted()]++;
            correct += s.correct() ? 1 : 0;
        }
        List<ClassMetrics> perClass = new ArrayList<>(classes);
        double f1Sum = 0;
        for (int k = 0; k < classes; k++) {
            int truePositives = confusion[k][k];
            int predicted = 0;
            int actual = 0;
            for (int j = 0; j < classes; j++) {
                predicted += confusion[j][k];
                actual += confusion[k][j];
            }
            double precision = predicted == 0 ? 0 : (double) truePositives / predicted;
            double recall = actual == 0 ? 0 : (double) truePositives / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perClass.add(new ClassMetrics(labels.get(k), precision, recall, f1, actual));
            f1Sum += f1;
        }
        List<OperatingPoint> points = new ArrayList<>();
        for (double target : PRECISION_LEVELS) {
            points.add(operatingPoint(test, thresholdsFor.apply(validation, target), target));
        }
        double accuracy = test.isEmpty() ? 0 : (double) correct / test.size();
        return new HeadEvaluation(head, List.copyOf(labels), accuracy, classes == 0 ? 0 : f1Sum / classes, perClass,
                confusion, precisionCoverage(test), points, test.size());
    }

    /** Accuracy and macro-F1 of scored predictions, nothing else (e.g. to compare models on validation). */
    public static double[] accuracyAndMacroF1(List<String> labels, List<Scored> scored) {
        HeadEvaluation e = evaluate("", labels, List.of(), scored, (none, target) -> new double[labels.size()]);
        return new double[] {e.accuracy(), e.macroF1()};
    }

    static OperatingPoint operatingPoint(List<Scored> test, double[] thresholds, double target) {
        int answered = 0;
        int right = 0;
        for (Scored s : test) {
            if (s.answered(thresholds)) {
                answered++;
                right += s.correct() ? 1 : 0;
            }
        }
        double coverage = test.isEmpty() ? 0 : (double) answered / test.size();
        return new OperatingPoint(target, coverage, answered == 0 ? 1.0 : (double) right / answered);
    }

    static List<CoveragePoint> precisionCoverage(List<Scored> test) {
        Scored[] sorted = test.toArray(Scored[]::new);
        Arrays.sort(sorted, Comparator.comparingDouble(Scored::confidence).reversed());
        List<CoveragePoint> curve = new ArrayList<>();
        for (int decile = 1; decile <= 10 && sorted.length > 0; decile++) {
            int kept = Math.max(1, (int) Math.round(sorted.length * decile / 10.0));
            int right = 0;
            for (int i = 0; i < kept; i++) {
                right += sorted[i].correct() ? 1 : 0;
            }
            curve.add(new CoveragePoint(decile / 10.0, (double) right / kept));
        }
        return curve;
    }
}
