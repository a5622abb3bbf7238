package io.triage.embedding.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OpenAiEmbeddingModelTests {

    static final int DIMENSION = 8;

    final OpenAiStub stub = new OpenAiStub(DIMENSION);
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @AfterEach
    void stop() {
        stub.close();
    }

    OpenAiEmbeddingModel model(int maxBatch, int maxRetries) {
        return model(stub.baseUrl(), maxBatch, maxRetries, 3000, 1_000_000);
    }

    OpenAiEmbeddingModel model(String baseUrl, int maxBatch, int maxRetries, int requestsPerMinute,
            int tokensPerMinute) {
        return new OpenAiEmbeddingModel(new OpenAiProperties(baseUrl, "sk-test",
                "text-embedding-3-small", DIMENSION, maxBatch, requestsPerMinute, tokensPerMinute, maxRetries,
                Duration.ofMillis(10), Duration.ofSeconds(10), 0.02), meters);
    }

    @Test
    void inputsGoInBatchesInTheRealWireFormatAndComeBackInOrder() {
        List<float[]> vectors = model(2, 0).embed(List.of("a", "bb", "ccc", "dddd", "eeeee"));

        assertThat(stub.requests()).hasSize(3);
        var first = stub.requests().getFirst();
        assertThat(first.body().get("model").asString()).isEqualTo("text-embedding-3-small");
        assertThat(first.body().get("encoding_format").asString()).isEqualTo("float");
        assertThat(first.body().get("input").size()).isEqualTo(2);
        assertThat(first.authorization()).isEqualTo("Bearer sk-test");
        assertThat(vectors).hasSize(5);
        for (int i = 0; i < 5; i++) {
            // [length, 1, 0...] normalised: the first component grows with the text length.
            float length = i + 1;
            assertThat(vectors.get(i)[0]).isCloseTo(length / (float) Math.sqrt(length * length + 1), within(1e-5f));
        }
    }

    @Test
    void billedTokensAndEstimatedCostAreCounted() {
        model(1000, 0).embed(List.of("x".repeat(400), "y".repeat(400)));

        assertThat(meters.counter("embedding.openai.tokens", "model", "text-embedding-3-small").count())
                .isEqualTo(202);
        assertThat(meters.counter("embedding.openai.cost", "model", "text-embedding-3-small").count())
                .isCloseTo(202 * 0.02 / 1_000_000, within(1e-12));
    }

    @Test
    void rateLimitedRequestIsRetriedAfterRetryAfter() {
        stub.failNext(429, "0");

        List<float[]> vectors = model(1000, 2).embed(List.of("hello"));

        assertThat(vectors).hasSize(1);
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void aRetryWaitsAsLongAsRetryAfterAsks() {
        stub.failNext(429, "1");
        long start = System.nanoTime();

        model(1000, 2).embed(List.of("hello"));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("Retry-After: 1, not the 10 ms backoff")
                .isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(stub.requests()).hasSize(2);
    }

    @Test
    void anUnreachableEndpointIsReportedUnavailable() throws IOException {
        int nobodyListens;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListens = socket.getLocalPort();
        }

        assertThatExceptionOfType(ModelUnavailableException.class)
                .isThrownBy(() -> model("http://127.0.0.1:" + nobodyListens + "/v1", 1000, 2, 3000, 1_000_000)
                        .embed(List.of("hello")))
                .withMessageContaining("cannot be reached");
    }

    @Test
    void beyondTheRequestBudgetACallWaitsForTheNextMinute() throws InterruptedException {
        OpenAiEmbeddingModel model = model(stub.baseUrl(), 1000, 0, 1, 1_000_000);
        model.embed(List.of("the minute's only request"));

        assertWaitsWithoutCalling(() -> model.embed(List.of("one request too many")), 1);
    }

    @Test
    void aBatchBeyondTheTokenBudgetWaitsForTheNextMinute() throws InterruptedException {
        OpenAiEmbeddingModel model = model(stub.baseUrl(), 1000, 0, 3000, 100);
        // 396 characters are estimated at 100 tokens: the whole budget of this minute.
        model.embed(List.of("x".repeat(396)));

        assertWaitsWithoutCalling(() -> model.embed(List.of("y")), 1);
    }

    /** Runs {@code call}, sees it still waiting after half a second with only {@code sent} requests made. */
    private void assertWaitsWithoutCalling(Runnable call, int sent) throws InterruptedException {
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                call.run();
            } catch (RuntimeException e) {
                failure.set(e);
            }
        });
        assertThat(caller.join(Duration.ofMillis(500))).as("the call waits for the budget").isFalse();
        assertThat(stub.requests()).hasSize(sent);

        caller.interrupt();
        assertThat(caller.join(Duration.ofSeconds(5))).isTrue();
        assertThat(failure.get()).isInstanceOf(ModelUnavailableException.class);
        assertThat(stub.requests()).hasSize(sent);
    }

    @Test
    void serverErrorsAreRetriedThenReportedUnavailable() {
        // Without Retry-After: OkHttp itself repeats a 503 that carries "Retry-After: 0" once.
        for (int i = 0; i < 10; i++) {
            stub.failNext(503, null);
        }

        assertThatExceptionOfType(ModelUnavailableException.class)
                .isThrownBy(() -> model(1000, 2).embed(List.of("hello")));
        assertThat(stub.requests()).hasSize(3);
    }

    @Test
    void aBadRequestIsNeverRetried() {
        stub.failNext(400, null);

        assertThatIllegalStateException().isThrownBy(() -> model(1000, 3).embed(List.of("hello")));
        assertThat(stub.requests()).hasSize(1);
    }

    @Test
    void nameCarriesTheDimension() {
        assertThat(model(10, 0).name()).isEqualTo("text-embedding-3-small-8");
    }
}
