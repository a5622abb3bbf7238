package io.triage.platform.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.triage.platform.PlatformProperties.Resilience;
import io.triage.platform.problem.UnavailableException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

/** Retry and circuit breaking against a real HTTP server on loopback that answers with scripted statuses. */
class ResilientCallsTests {

    private final AtomicInteger hits = new AtomicInteger();
    private volatile int[] statuses = {200};
    private HttpServer server;
    private RestClient client;
    private SimpleMeterRegistry meters;
    private ResilientCalls calls;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            int n = hits.getAndIncrement();
            int status = statuses[Math.min(n, statuses.length - 1)];
            byte[] body = "{\"ok\":true}".getBytes();
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        client = RestClient.create("http://127.0.0.1:" + server.getAddress().getPort());
        meters = new SimpleMeterRegistry();
        calls = new ResilientCalls(new Resilience(3, Duration.ofMillis(5), 2.0, 0.5, 50, 4, 4,
                Duration.ofMinutes(1)), meters);
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String get() {
        return Objects.requireNonNull(client.get().uri("/x").retrieve().body(String.class), "the server sends a body");
    }

    @Test
    void transientServerErrorsAreRetried() {
        statuses = new int[] {503, 502, 200};
        assertThat(calls.call("rules", this::get)).contains("ok");
        assertThat(hits).hasValue(3);
    }

    @Test
    void tooManyRequestsIsRetried() {
        statuses = new int[] {429, 200};
        assertThat(calls.call("rules", this::get)).contains("ok");
        assertThat(hits).hasValue(2);
    }

    @Test
    void clientErrorsAreNotRetried() {
        statuses = new int[] {400};
        assertThatThrownBy(() -> calls.call("rules", this::get)).isInstanceOf(HttpClientErrorException.class);
        assertThat(hits).hasValue(1);
    }

    @Test
    void persistentFailureBecomes503WithRetryAfter() {
        statuses = new int[] {500};
        assertThatThrownBy(() -> calls.call("rules", this::get))
                .isInstanceOfSatisfying(UnavailableException.class, problem -> {
                    assertThat(problem.retryAfter()).isEqualTo(Duration.ofMinutes(1));
                });
        assertThat(hits).hasValue(3);
    }

    @Test
    void openCircuitAnswersFromTheFallbackWithoutCallingTheDownstream() {
        statuses = new int[] {500};
        for (int i = 0; i < 4; i++) {
            calls.callOrElse("embedding", this::get, failure -> "fallback");
        }
        assertThat(calls.state("embedding")).isEqualTo(CircuitBreaker.State.OPEN);
        int before = hits.get();

        assertThat(calls.callOrElse("embedding", this::get, failure -> "fallback")).isEqualTo("fallback");
        assertThat(hits).hasValue(before);
        assertThat(meters.find("resilience4j.circuitbreaker.state").tag("name", "embedding").meters()).isNotEmpty();
    }

    @Test
    void circuitsAreSeparatePerDownstream() {
        statuses = new int[] {500};
        for (int i = 0; i < 4; i++) {
            calls.callOrElse("embedding", this::get, failure -> "fallback");
        }
        assertThat(calls.state("embedding")).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(calls.state("rules")).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
