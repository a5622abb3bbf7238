package io.triage.tickets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TicketMixTests {

    @Test
    void defaultsWeighEveryLabel() {
        TicketMix mix = TicketMix.defaults();
        assertThat(mix.departments().keySet()).containsExactlyInAnyOrderElementsOf(TicketLabels.DEPARTMENTS);
        assertThat(mix.urgencies().keySet()).containsExactlyInAnyOrderElementsOf(TicketLabels.URGENCIES);
        assertThat(mix.sentiments().keySet()).containsExactlyInAnyOrderElementsOf(TicketLabels.SENTIMENTS);
        assertThat(mix.channels().keySet()).containsExactlyInAnyOrderElementsOf(TicketLabels.CHANNELS);
    }

    @Test
    void rejectsUnknownLabels() {
        assertThatThrownBy(() -> TicketMix.defaults().withDepartments(Map.of("Legal", 1.0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Legal");
    }

    @Test
    void rejectsNegativeOrAllZeroWeightsAndRatesOutsideZeroToOne() {
        assertThatThrownBy(() -> TicketMix.defaults().withDepartments(Map.of(TicketLabels.SALES, -1.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TicketMix.defaults().withDepartments(Map.of(TicketLabels.SALES, 0.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TicketMix.defaults().withTypoRate(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void weightsInOrderFollowTheLabelListNotTheMap() {
        double[] weights = TicketMix.weightsInOrder(Map.of("Critical", 4.0, "Low", 1.0), TicketLabels.URGENCIES);
        assertThat(weights).containsExactly(1.0, 0.0, 0.0, 4.0);
    }
}
