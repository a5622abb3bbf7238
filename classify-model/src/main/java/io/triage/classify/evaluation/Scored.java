package io.triage.classify.evaluation;

/**
 * One evaluated prediction.
 *
 * @param gold       index of the true class
 * @param predicted  index of the most probable class
 * @param confidence calibrated probability of {@code predicted}
 * @param novel      the text is unlike every stored training example, so the model abstains whatever its
 *                   confidence (the combined model's novelty floor)
 */
public record Scored(int gold, int predicted, double confidence, boolean novel) {

    public Scored(int gold, int predicted, double confidence) {
        this(gold, predicted, confidence, false);
    }

    public boolean correct() {
        return gold == predicted;
    }

    /** Whether the head answers without review under these per-class thresholds. */
    public boolean answered(double[] thresholds) {
        return !novel && confidence >= thresholds[predicted];
    }
}
