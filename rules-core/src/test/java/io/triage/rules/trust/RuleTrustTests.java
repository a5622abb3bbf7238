package io.triage.rules.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.interval.WilsonScoreInterval;
import org.junit.jupiter.api.Test;

class RuleTrustTests {

    @Test
    void lowerBoundEqualsCommonsMathsWilsonInterval() {
        // A two-sided 90 % interval's lower end is the one-sided 95 % bound (z = 1.645).
        WilsonScoreInterval reference = new WilsonScoreInterval();
        for (int[] case_ : new int[][] {{60, 60}, {60, 59}, {60, 41}, {200, 195}, {5, 1}, {1000, 999}}) {
            int trials = case_[0];
            int successes = case_[1];
            assertThat(RuleTrust.wilsonLowerBound(successes, trials, 1.6448536269514722))
                    .as(successes + " of " + trials)
                    .isCloseTo(reference.createInterval(trials, successes, 0.90).getLowerBound(), within(1e-9));
        }
    }

    @Test
    void perfectRecordStaysBelowOneAndReachesTheBarAtSixty() {
        assertThat(RuleTrust.wilsonLowerBound(60, 60, 1.645)).isCloseTo(60 / (60 + 1.645 * 1.645), within(1e-12))
                .isGreaterThan(0.95);
        assertThat(RuleTrust.wilsonLowerBound(50, 50, 1.645)).isLessThan(0.95);
    }

    @Test
    void belowTheMinimumCountTheDeclaredConfidenceStands() {
        RuleTrust trust = RuleTrust.of(59, 0, 0.9, TrustPolicy.DEFAULTS);
        assertThat(trust.measured()).isFalse();
        assertThat(trust.effectiveConfidence()).isEqualTo(0.9);
        assertThat(trust.shortCircuits()).isTrue();
        assertThat(trust.measuredAccuracy()).isZero();
    }

    @Test
    void aRuleOftenWrongStopsShortCircuitingOnceMeasured() {
        RuleTrust trust = RuleTrust.of(60, 41, 0.9, TrustPolicy.DEFAULTS);
        assertThat(trust.measured()).isTrue();
        assertThat(trust.shortCircuits()).isFalse();
        assertThat(trust.effectiveConfidence()).isEqualTo(trust.lowerBound()).isLessThan(0.6);
        assertThat(trust.describe(TrustPolicy.DEFAULTS)).isEqualTo(
                "right 41 of 60 confirmed times (lower bound 0.578 < 0.95)");
    }

    @Test
    void aRuleRightEveryTimeEarnsItsMeasuredConfidence() {
        RuleTrust trust = RuleTrust.of(60, 60, 0.86, TrustPolicy.DEFAULTS);
        assertThat(trust.shortCircuits()).isTrue();
        assertThat(trust.effectiveConfidence()).isGreaterThan(0.95);
    }

    @Test
    void withoutOutcomesThereIsNoBound() {
        RuleTrust trust = RuleTrust.of(0, 0, 0.95, TrustPolicy.DEFAULTS);
        assertThat(trust.lowerBound()).isNull();
        assertThat(trust.describe(TrustPolicy.DEFAULTS)).isEqualTo("no confirmed outcomes yet");
    }
}
