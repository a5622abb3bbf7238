package io.triage.classify.evaluation;

/**
 * One evaluated prediction.
 *
 * @param gold       index of the true class
 * @param predicted  index of the most probable class
 * @param confidence calibrated probability of {@code predicted}
 */
public record Scored(int gold, int predicted, double confidence) {

    public boolean correct() {
        return gold == predicted;
    }
}
