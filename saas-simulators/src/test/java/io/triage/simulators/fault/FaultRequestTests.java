package io.triage.simulators.fault;

import java.time.Duration;

import io.triage.simulators.SimJson;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultRequestTests {

    private static Fault only(String json) {
        FaultInjector faults = new FaultInjector();
        FaultRequest.apply(SimJson.parse(json), faults);
        return faults.next().orElseThrow();
    }

    @Test
    void everyFaultKindIsReadFromItsJson() {
        assertThat(only("{\"fault\":\"server_error\",\"status\":502}")).isEqualTo(new Fault.ServerError(502));
        assertThat(only("{\"fault\":\"rate_limited\",\"retryAfterSeconds\":9}")).isEqualTo(new Fault.RateLimited(Duration.ofSeconds(9)));
        assertThat(only("{\"fault\":\"slow\",\"delayMillis\":250}")).isEqualTo(new Fault.Slow(Duration.ofMillis(250)));
        assertThat(only("{\"fault\":\"expired_token\"}")).isEqualTo(new Fault.ExpiredToken());
        assertThat(only("{\"fault\":\"drop_connection\"}")).isEqualTo(new Fault.DropConnection());
        assertThat(only("{\"fault\":\"client_error\",\"status\":422,\"field\":\"group_id\"}"))
                .isEqualTo(new Fault.ClientError(422, "group_id"));
    }

    @Test
    void withoutCountOrPercentOnlyTheNextRequestIsHit() {
        FaultInjector faults = new FaultInjector();

        FaultRequest.apply(SimJson.parse("{\"fault\":\"expired_token\"}"), faults);

        assertThat(faults.next()).isPresent();
        assertThat(faults.next()).isEmpty();
    }

    @Test
    void percentMakesAStandingRule() {
        FaultInjector faults = new FaultInjector();

        FaultRequest.apply(SimJson.parse("{\"fault\":\"server_error\",\"percent\":100,\"seed\":3}"), faults);

        assertThat(faults.next()).isPresent();
        assertThat(faults.next()).isPresent();
    }

    @Test
    void aClientErrorNeedsA4xxOtherThanItsOwnFaultsAndAField() {
        assertThatThrownBy(() -> only("{\"fault\":\"client_error\",\"status\":503,\"field\":\"priority\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> only("{\"fault\":\"client_error\",\"status\":429,\"field\":\"priority\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> only("{\"fault\":\"client_error\",\"status\":422}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownFaultIsRejected() {
        assertThatThrownBy(() -> only("{\"fault\":\"gremlins\"}")).isInstanceOf(IllegalArgumentException.class);
    }
}
