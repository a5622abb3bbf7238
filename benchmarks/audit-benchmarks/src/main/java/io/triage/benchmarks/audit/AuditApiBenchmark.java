package io.triage.benchmarks.audit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import tools.jackson.databind.json.JsonMapper;

/**
 * The audit-service API measured from outside, over real HTTP against a running service on 127.0.0.1: single-event
 * write latency (sample mode gives p50/p99), batched write throughput (events/s), and whole-chain verification.
 * Start the service first (see benchmarks/results/audit.md for the exact commands).
 */
@State(Scope.Benchmark)
public class AuditApiBenchmark {

    static final int BATCH = 1000;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Param("http://127.0.0.1:8084")
    public String baseUrl;

    @Param("local-classify-service-key")
    public String appenderKey;

    @Param("local-compliance-key")
    public String complianceKey;

    private HttpClient client;

    @Setup
    public void connect() {
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
    }

    static String event(UUID id) {
        return "{\"eventId\":\"" + id + "\",\"ticketId\":\"INC" + (id.getLeastSignificantBits() & 0xffffff)
                + "\",\"userId\":\"agent-7\",\"modelVersion\":\"m-2026.11.1\",\"ruleSetVersion\":\"rs-12\","
                + "\"routingMethod\":\"ML\",\"prediction\":{\"department\":\"billing\",\"urgency\":\"high\","
                + "\"sentiment\":\"negative\"},\"confidence\":0.91,\"decidedAt\":\"2026-11-25T10:15:30.123Z\","
                + "\"channel\":\"email\",\"language\":\"en\",\"customerSegment\":\"retail\","
                + "\"tierLatenciesMicros\":{\"rules\":120,\"ml\":840},\"traceId\":\"4bf92f3577b34da6\"}";
    }

    private int post(String body) throws IOException, InterruptedException {
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/audit/events"))
                .header("X-API-Key", appenderKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return response.statusCode();
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int singleEvent() throws IOException, InterruptedException {
        return post(event(UUID.randomUUID()));
    }

    /** Reference measured in the same run: the cheapest authenticated-free request the service answers. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public int healthReference() throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health/liveness")).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public int batchOf1000() throws IOException, InterruptedException {
        StringBuilder body = new StringBuilder(BATCH * 520).append('[');
        for (int i = 0; i < BATCH; i++) {
            body.append(i == 0 ? "" : ",").append(event(UUID.randomUUID()));
        }
        return post(body.append(']').toString());
    }

    /** Whole live chain; divide the events checked (printed in the report's response) by this time. */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public String verifyChain() throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(baseUrl + "/audit/verify"))
                .header("X-API-Key", complianceKey).timeout(Duration.ofMinutes(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (!JSON.readTree(response.body()).path("valid").asBoolean(false)) {
            throw new IllegalStateException("chain does not verify: " + response.body());
        }
        return response.body();
    }
}
