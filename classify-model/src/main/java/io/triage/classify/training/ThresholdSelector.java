package io.triage.classify.training;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import io.triage.classify.evaluation.Scored;

/**
 * Chooses, per predicted class, the lowest confidence threshold at which the validation predictions above it still
 * reach the target precision (the largest coverage that keeps the precision). A class with too few validation
 * predictions to judge uses the threshold chosen over all classes together. Novel texts abstain whatever their
 * confidence, so they take no part in the choice.
 */
public final class ThresholdSelector {

    /** Below this many validation predictions a per-class precision is noise. */
    static final int MIN_SUPPORT = 20;
    /** A threshold no probability reaches: the class always abstains. */
    static final double NEVER = 1.0 + 1e-9;

    private ThresholdSelector() {
    }

    public static double[] select(List<Scored> scored, int classes, double targetPrecision) {
        List<Scored> validation = scored.stream().filter(s -> !s.novel()).toList();
        double global = threshold(validation, targetPrecision);
        double[] thresholds = new double[classes];
        for (int k = 0; k < classes; k++) {
            List<Scored> predictedK = new ArrayList<>();
            for (Scored s : validation) {
                if (s.predicted() == k) {
                    predictedK.add(s);
                }
            }
            thresholds[k] = predictedK.size() < MIN_SUPPORT ? global : threshold(predictedK, targetPrecision);
        }
        return thresholds;
    }

    /** The lowest confidence whose "this or above" set reaches the precision; {@link #NEVER} if none does. */
    static double threshold(List<Scored> predictions, double targetPrecision) {
        Scored[] byConfidence = predictions.toArray(Scored[]::new);
        Arrays.sort(byConfidence, Comparator.comparingDouble(Scored::confidence).reversed());
        double threshold = NEVER;
        int correct = 0;
        for (int i = 0; i < byConfidence.length; i++) {
            if (byConfidence[i].correct()) {
                correct++;
            }
            boolean tieFollows = i + 1 < byConfidence.length
                    && byConfidence[i + 1].confidence() == byConfidence[i].confidence();
            if (!tieFollows && (double) correct / (i + 1) >= targetPrecision) {
                threshold = byConfidence[i].confidence();
            }
        }
        return threshold;
    }
}
