package io.triage.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Objects;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triage.platform.PlatformProperties.Resilience;
import io.triage.platform.problem.UnavailableException;
import io.triage.testsupport.stub.StubFailure;
import io.triage.testsupport.stub.StubReply;
import io.triage.testsupport.stub.StubServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/** Retry and circuit breaking against a real HTTP server on loopback that answers with scripted statuses. */
class ResilientCallsTests {

    private final StubServer server = new StubServer();
    private RestClient client;
    private SimpleMeterRegistry meters;
    private ResilientCalls calls;

    @BeforeEach
    void start() {
        server.onAny("/", request -> StubReply.json("{\"ok\":true}"));
        client = RestClient.create(server.baseUrl());
        meters = new SimpleMeterRegistry();
        calls = new ResilientCalls(new Resilience(3, Duration.ofMillis(5), 2.0, 0.5, 50, 4, 4,
                Duration.ofMinutes(1)), meters);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** The next requests get these statuses, in order; later ones get 200. */
    private void answerFirst(int... statuses) {
        for (int status : statuses) {
            server.failNext(StubFailure.status(status));
        }
    }

    /** Every request gets this status. */
    private void answerAlways(int status) {
        server.fail("/", StubFailure.status(status));
    }

    private int hits() {
        return server.received().size();
    }

    private String get() {
        return Objects.requireNonNull(client.get().uri("/x").retrieve().body(String.class), "the server sends a body");
    }

    @Test
    void transientServerErrorsAreRetried() {
        answerFirst(503, 502);
        assertThat(calls.call("rules", this::get)).contains("ok");
        assertThat(hits()).isEqualTo(3);
    }

    @Test
    void tooManyRequestsIsRetried() {
        answerFirst(429);
        assertThat(calls.call("rules", this::get)).contains("ok");
        assertThat(hits()).isEqualTo(2);
    }

    @Test
    void clientErrorsAreNotRetried() {
        answerAlways(400);
        assertThatThrownBy(() -> calls.call("rules", this::get)).isInstanceOf(HttpClientErrorException.class);
        assertThat(hits()).isEqualTo(1);
    }

    @Test
    void persistentFailureBecomes503WithRetryAfter() {
        answerAlways(500);
        assertThatThrownBy(() -> calls.call("rules", this::get))
                .isInstanceOfSatisfying(UnavailableException.class, problem -> {
                    assertThat(problem.retryAfter()).isEqualTo(Duration.ofMinutes(1));
                });
        assertThat(hits()).isEqualTo(3);
    }

    @Test
    void openCircuitAnswersFromTheFallbackWithoutCallingTheDownstream() {
        answerAlways(500);
        for (int i = 0; i < 4; i++) {
            calls.callOrElse("embedding", this::get, failure -> "fallback");
        }
        assertThat(calls.state("embedding")).isEqualTo(CircuitBreaker.State.OPEN);
        int before = hits();

        assertThat(calls.callOrElse("embedding", this::get, failure -> "fallback")).isEqualTo("fallback");
        assertThat(hits()).isEqualTo(before);
        assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", "embedding").meters()).isNotEmpty();
    }

    @Test
    void circuitsAreSeparatePerDownstream() {
        answerAlways(500);
        for (int i = 0; i < 4; i++) {
            calls.callOrElse("embedding", this::get, failure -> "fallback");
        }
        assertThat(calls.state("embedding")).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(calls.state("rules")).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
