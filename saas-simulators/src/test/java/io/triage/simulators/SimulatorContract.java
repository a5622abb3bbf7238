package io.triage.simulators;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import io.triage.simulators.fault.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every simulator does alike: ports, recording, the common admin routes, faults and reset. */
public interface SimulatorContract {

    /** The simulator under test; a fresh, unstarted one per test instance. */
    Simulator simulator();

    /** Any path of the simulated API. */
    String apiPath();

    @BeforeEach
    default void startOnAFreePort() {
        simulator().start(0);
    }

    @AfterEach
    default void closeSimulator() {
        simulator().close();
    }

    @Test
    default void baseUriIsTheLoopbackAddressAndChosenPort() {
        assertThat(simulator().baseUri().getHost()).isEqualTo("127.0.0.1");
        assertThat(simulator().baseUri().getPort()).isPositive();
    }

    @Test
    default void startingTwiceIsRejected() {
        assertThatThrownBy(() -> simulator().start(0)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    default void apiRequestsAreRecordedAndListedByTheAdminApi() {
        Http.send(Http.request(simulator(), apiPath()).POST(HttpRequest.BodyPublishers.ofString("{\"x\":1}")));

        HttpResponse<String> listed = Http.get(simulator(), "/_sim/requests", "");

        assertThat(simulator().requests()).singleElement().satisfies(r -> {
            assertThat(r.path()).isEqualTo(apiPath());
            assertThat(r.bodyText()).isEqualTo("{\"x\":1}");
        });
        assertThat(Http.json(listed).get(0).get("path").asString()).isEqualTo(apiPath());
    }

    @Test
    default void injectedServerErrorAnswersAnyApiPath() {
        simulator().faults().nextRequests(1, new Fault.ServerError(504));

        assertThat(Http.get(simulator(), apiPath(), "").statusCode()).isEqualTo(504);
    }

    @Test
    default void resetForgetsRecordedRequestsAndFaults() {
        Http.get(simulator(), apiPath(), "");
        simulator().faults().nextRequests(5, new Fault.ServerError(500));

        simulator().reset();

        assertThat(simulator().requests()).isEmpty();
        assertThat(simulator().faults().activeRules()).isZero();
    }

    @Test
    default void unknownAdminRouteIsNotFound() {
        assertThat(Http.get(simulator(), "/_sim/nothing-here", "").statusCode()).isEqualTo(404);
    }
}
