package io.triage.classify.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class ReuseCalibrationTests {

    /** {@code n} validation examples at {@code similarity}, {@code wrong} of them reusing a wrong label. */
    static List<ReuseCalibration.Pair> pairs(int n, double similarity, int wrong) {
        List<ReuseCalibration.Pair> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new ReuseCalibration.Pair(similarity, i >= wrong));
        }
        return out;
    }

    @Test
    void thresholdIsTheLowestSimilarityWhoseReusesReachTheTarget() {
        List<ReuseCalibration.Pair> all = new ArrayList<>(pairs(900, 0.98, 0));
        all.addAll(pairs(100, 0.95, 1));
        all.addAll(pairs(100, 0.90, 20));

        ReuseCalibration calibration = ReuseCalibration.of(all, 0.99);

        assertThat(calibration.threshold()).as("999 of 1000 from 0.95; 0.90 adds 20 wrong").isEqualTo(0.95);
        assertThat(calibration.pairs()).isEqualTo(1100);
        assertThat(calibration.curve()).contains(new ReuseCalibration.Point(0.95, 1000, 999, 0.999));
    }

    @Test
    void aLowerRegionStillAboveTheTargetOverallWidensTheThreshold() {
        List<ReuseCalibration.Pair> all = new ArrayList<>(pairs(10, 0.99, 0));
        all.addAll(pairs(10, 0.97, 1));
        all.addAll(pairs(1000, 0.93, 0));

        assertThat(ReuseCalibration.of(all, 0.999).threshold())
                .as("1019 of 1020 from 0.93, although 0.97 alone is 19 of 20").isEqualTo(0.93);
    }

    @Test
    void aTargetNeverReachedGivesNoThreshold() {
        List<ReuseCalibration.Pair> all = new ArrayList<>(pairs(100, 0.99, 1));
        all.addAll(pairs(100, 0.95, 5));

        ReuseCalibration calibration = ReuseCalibration.of(all, 0.999);

        assertThat(calibration.threshold()).isNull();
        assertThat(calibration.describe()).contains("never reached precision 0.999 on 200 validation examples");
    }

    @Test
    void equalSimilaritiesAreJudgedTogether() {
        List<ReuseCalibration.Pair> all = new ArrayList<>(pairs(1, 0.96, 0));
        all.addAll(pairs(10, 0.95, 1));

        assertThat(ReuseCalibration.of(all, 0.95).threshold())
                .as("the one right reuse at 0.96 alone reaches it, but 0.95 is one run: 10 of 11")
                .isEqualTo(0.96);
    }

    @Test
    void noValidationExampleGivesNoThreshold() {
        ReuseCalibration calibration = ReuseCalibration.of(List.of(), 0.999);

        assertThat(calibration.threshold()).isNull();
        assertThat(calibration.curve()).allSatisfy(p -> assertThat(p.precision()).isNull());
    }
}
