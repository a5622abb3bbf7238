package io.triage.classify.training;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemperatureScalingTests {

    @Test
    void overconfidentScoresAreSoftened() {
        // Always very confident, right only 3 times out of 4: the fitted temperature must spread the mass.
        double[][] scores = {{10, 0}, {10, 0}, {10, 0}, {10, 0}};
        int[] gold = {0, 0, 0, 1};
        double t = TemperatureScaling.fit(scores, gold);
        assertThat(t).isGreaterThan(1);
        assertThat(TemperatureScaling.nll(scores, gold, t)).isLessThan(TemperatureScaling.nll(scores, gold, 1));
    }
}
