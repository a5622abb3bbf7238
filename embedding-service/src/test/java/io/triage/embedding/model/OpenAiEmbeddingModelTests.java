package io.triage.embedding.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;

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
        return new OpenAiEmbeddingModel(new OpenAiProperties(stub.baseUrl(), "sk-test",
                "text-embedding-3-small", DIMENSION, maxBatch, 3000, 1_000_000, maxRetries, Duration.ofMillis(10),
                Duration.ofSeconds(10),
                0.02), meters);
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
