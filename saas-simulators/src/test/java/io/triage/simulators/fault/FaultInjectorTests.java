package io.triage.simulators.fault;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultInjectorTests {

    @Test
    void countRuleIsUsedUpAndThenRemoved() {
        FaultInjector faults = new FaultInjector().nextRequests(2, new Fault.ExpiredToken());

        assertThat(faults.next()).contains(new Fault.ExpiredToken());
        assertThat(faults.next()).contains(new Fault.ExpiredToken());
        assertThat(faults.next()).isEmpty();
        assertThat(faults.activeRules()).isZero();
    }

    @Test
    void earlierRulesWinOverLaterOnes() {
        FaultInjector faults = new FaultInjector()
                .nextRequests(1, new Fault.ServerError(502))
                .nextRequests(1, new Fault.DropConnection());

        assertThat(faults.next()).contains(new Fault.ServerError(502));
        assertThat(faults.next()).contains(new Fault.DropConnection());
    }

    @Test
    void hundredPercentRuleHitsEveryRequest() {
        FaultInjector faults = new FaultInjector().percentage(100, 1, new Fault.ServerError(500));

        for (int i = 0; i < 50; i++) {
            assertThat(faults.next()).isPresent();
        }
    }

    @Test
    void serverErrorMustBeA5xxStatus() {
        assertThatThrownBy(() -> new Fault.ServerError(404)).isInstanceOf(IllegalArgumentException.class);
    }
}
