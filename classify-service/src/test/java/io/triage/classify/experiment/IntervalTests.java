package io.triage.classify.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class IntervalTests {

    @Test
    void wilsonIntervalMatchesTheTextbookValue() {
        // 81 of 263: 0.308, Wilson 95 % interval [0.255, 0.366] (Newcombe 1998, example).
        Interval interval = Interval.wilson(81, 263);
        assertThat(interval.estimate()).isCloseTo(0.308, within(0.001));
        assertThat(interval.low()).isCloseTo(0.255, within(0.001));
        assertThat(interval.high()).isCloseTo(0.366, within(0.001));
    }

    @Test
    void wilsonStaysInsideTheUnitIntervalAtTheEdges() {
        assertThat(Interval.wilson(10, 10).high()).isCloseTo(1.0, within(1e-9));
        assertThat(Interval.wilson(10, 10).low()).isLessThan(1.0).isGreaterThan(0.6);
        assertThat(Interval.wilson(0, 0).estimate()).isNaN();
    }

    @Test
    void differenceOfProportionsIsCentredOnTheDifference() {
        Interval difference = Interval.difference(90, 100, 80, 100);
        assertThat(difference.estimate()).isCloseTo(0.10, within(1e-9));
        assertThat(difference.low()).isLessThan(0.10);
        assertThat(difference.high()).isGreaterThan(0.10);
    }
}
