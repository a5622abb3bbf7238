package io.triage.simulators;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RateWindowTests {

    private static final Instant T0 = Instant.parse("2024-05-01T10:00:00Z");

    @Test
    void refusesOnceTheBudgetIsSpentAndSaysHowLongToWait() {
        RateWindow window = new RateWindow(2, Duration.ofMinutes(1));
        window.acquire(T0);
        window.acquire(T0.plusSeconds(20));

        assertThat(window.acquire(T0.plusSeconds(30))).hasValue(30);
        assertThat(window.remaining(T0.plusSeconds(30))).isZero();
    }

    @Test
    void oldRequestsLeaveTheWindow() {
        RateWindow window = new RateWindow(1, Duration.ofMinutes(1));
        window.acquire(T0);

        assertThat(window.acquire(T0.plusSeconds(60))).isEmpty();
    }

    @Test
    void zeroLimitNeverRefuses() {
        RateWindow window = new RateWindow(0, Duration.ofMinutes(1));

        for (int i = 0; i < 100; i++) {
            assertThat(window.acquire(T0)).isEmpty();
        }
    }
}
