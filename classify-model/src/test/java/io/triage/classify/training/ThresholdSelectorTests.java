package io.triage.classify.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import io.triage.classify.evaluation.Scored;
import org.junit.jupiter.api.Test;

class ThresholdSelectorTests {

    @Test
    void thresholdKeepsTheLargestSetThatReachesThePrecision() {
        List<Scored> predictions = new ArrayList<>();
        for (int i = 0; i < 19; i++) {
            predictions.add(new Scored(0, 0, 0.99 - i * 0.01));
        }
        predictions.add(new Scored(1, 0, 0.5));
        predictions.add(new Scored(1, 0, 0.4));
        assertThat(ThresholdSelector.threshold(predictions, 0.95)).isEqualTo(0.5);
        assertThat(ThresholdSelector.threshold(predictions, 0.99)).isEqualTo(0.99 - 18 * 0.01);
    }

    @Test
    void unreachablePrecisionMeansAlwaysReview() {
        List<Scored> wrong = List.of(new Scored(1, 0, 0.9), new Scored(1, 0, 0.8));
        assertThat(ThresholdSelector.threshold(wrong, 0.95)).isGreaterThan(1.0);
    }

    @Test
    void classWithFewPredictionsFallsBackToTheGlobalThreshold() {
        List<Scored> predictions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            predictions.add(new Scored(0, 0, 0.9));
        }
        predictions.add(new Scored(0, 1, 0.3));
        double[] thresholds = ThresholdSelector.select(predictions, 2, 0.95);
        assertThat(thresholds[1]).isEqualTo(ThresholdSelector.threshold(predictions, 0.95));
    }

    @Test
    void novelPredictionsNeitherShapeThresholdsNorCountAsAnswered() {
        List<Scored> predictions = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            predictions.add(new Scored(0, 0, 0.9));
        }
        // Confident but wrong — and novel: without the flag they would push the threshold above 0.99.
        for (int i = 0; i < 10; i++) {
            predictions.add(new Scored(1, 0, 0.99, true));
        }
        double[] thresholds = ThresholdSelector.select(predictions, 2, 0.95);
        assertThat(thresholds[0]).isEqualTo(0.9);
        assertThat(new Scored(1, 0, 0.99, true).answered(thresholds)).isFalse();
        assertThat(new Scored(0, 0, 0.95).answered(thresholds)).isTrue();
        assertThat(new Scored(0, 0, 0.85).answered(thresholds)).isFalse();
    }
}
