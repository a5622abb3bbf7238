package io.triage.simulators;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SimulatorsTests {

    @Test
    void allFourStartOnTheirOwnPortsAndAnswerTheAdminApi() {
        try (Simulators all = Simulators.start(Map.of())) {
            assertThat(all.all()).extracting(s -> s.baseUri().getPort()).doesNotHaveDuplicates();
            for (Simulator simulator : all.all()) {
                assertThat(Http.get(simulator, "/_sim/requests", "").statusCode()).as(simulator.system()).isEqualTo(200);
            }
        }
    }

    @Test
    void commandLineOptionsAreNameValuePairs() {
        assertThat(Simulators.parse(new String[] {"--zendesk.port=9202", "--host=0.0.0.0"}))
                .containsEntry("zendesk.port", "9202").containsEntry("host", "0.0.0.0");
        assertThatThrownBy(() -> Simulators.parse(new String[] {"9202"})).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resetForgetsDataRequestsAndFaults() {
        try (Simulators all = Simulators.start(Map.of())) {
            all.servicenow().createIncident(Map.of("short_description", "VPN drops"));
            all.servicenow().faults().nextRequests(3, new io.triage.simulators.fault.Fault.ServerError(500));

            Http.send(Http.request(all.servicenow(), "/_sim/reset").POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

            assertThat(all.servicenow().incidents()).isEmpty();
            assertThat(all.servicenow().faults().activeRules()).isZero();
        }
    }
}
