package io.triage.embedding.model;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import com.openai.models.embeddings.CreateEmbeddingResponse;
import com.openai.models.embeddings.Embedding;
import com.openai.models.embeddings.EmbeddingCreateParams;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * OpenAI {@code text-embedding-3-small} (or any OpenAI-compatible endpoint: Azure OpenAI, vLLM, a local stub) via
 * the official Java SDK. Inputs go in batches of at most {@code maxBatch}; requests and tokens per minute are
 * budgeted by token buckets before each call; 429, 5xx and dropped connections are retried here (the SDK's own
 * retries are off, so the policy is ours and tested) with exponential backoff and jitter, honouring
 * {@code Retry-After}; other 4xx answers are never retried. Tokens and the estimated cost are counted.
 */
public final class OpenAiEmbeddingModel implements EmbeddingModel {

    private final OpenAIClient client;
    private final OpenAiProperties settings;
    private final TokenBucket requests;
    private final TokenBucket tokens;
    private final Counter tokensUsed;
    private final Counter costUsd;

    public OpenAiEmbeddingModel(OpenAiProperties settings, MeterRegistry meters) {
        this.settings = settings;
        this.client = OpenAIOkHttpClient.builder()
                .baseUrl(settings.baseUrl())
                .apiKey(settings.apiKey())
                .maxRetries(0)
                .timeout(settings.timeout())
                .build();
        this.requests = new TokenBucket(settings.requestsPerMinute(), System::nanoTime);
        this.tokens = new TokenBucket(settings.tokensPerMinute(), System::nanoTime);
        this.tokensUsed = Counter.builder("embedding.openai.tokens").description("Prompt tokens billed")
                .tag("model", settings.modelName()).register(meters);
        this.costUsd = Counter.builder("embedding.openai.cost").baseUnit("usd")
                .description("Estimated embedding cost").tag("model", settings.modelName()).register(meters);
    }

    @Override
    public String name() {
        return settings.modelName() + "-" + settings.dimension();
    }

    @Override
    public int dimension() {
        return settings.dimension();
    }

    @Override
    public List<float[]> embed(List<String> texts) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += settings.maxBatch()) {
            vectors.addAll(embedBatch(texts.subList(from, Math.min(texts.size(), from + settings.maxBatch()))));
        }
        return vectors;
    }

    private List<float[]> embedBatch(List<String> batch) {
        long estimatedTokens = batch.stream().mapToLong(text -> text.length() / 4 + 1).sum();
        waitFor(max(requests.reserve(1), tokens.reserve(estimatedTokens)));
        CreateEmbeddingResponse response = createWithRetries(EmbeddingCreateParams.builder()
                .model(settings.modelName())
                .inputOfArrayOfStrings(batch)
                .encodingFormat(EmbeddingCreateParams.EncodingFormat.FLOAT)
                .build());
        long billed = response.usage().promptTokens();
        tokensUsed.increment(billed);
        costUsd.increment(billed * settings.usdPerMillionTokens() / 1_000_000.0);
        List<Embedding> data = response.data().stream().sorted(Comparator.comparingLong(Embedding::index)).toList();
        if (data.size() != batch.size()) {
            throw new IllegalStateException("asked for " + batch.size() + " embeddings, got " + data.size());
        }
        return data.stream().map(this::toVector).toList();
    }

    private float[] toVector(Embedding embedding) {
        List<Float> values = embedding.embedding();
        if (values.size() != settings.dimension()) {
            throw new IllegalStateException("expected " + settings.dimension() + " dimensions, got " + values.size());
        }
        float[] vector = new float[values.size()];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = values.get(i);
        }
        return Vectors.normalised(vector);
    }

    private CreateEmbeddingResponse createWithRetries(EmbeddingCreateParams params) {
        Duration backoff = settings.initialBackoff();
        for (int attempt = 0; ; attempt++) {
            boolean lastAttempt = attempt >= settings.maxRetries();
            try {
                return client.embeddings().create(params);
            } catch (OpenAIIoException e) {
                if (lastAttempt) {
                    throw new ModelUnavailableException("the embeddings endpoint cannot be reached", e);
                }
                waitFor(jittered(backoff));
            } catch (OpenAIServiceException e) {
                boolean transientFailure = e.statusCode() == 429 || e.statusCode() >= 500;
                if (!transientFailure) {
                    throw new IllegalStateException("the embeddings endpoint refused the request: "
                            + e.statusCode(), e);
                }
                if (lastAttempt) {
                    throw new ModelUnavailableException("the embeddings endpoint answered " + e.statusCode()
                            + " after " + (attempt + 1) + " attempts", e);
                }
                waitFor(retryAfter(e).orElse(jittered(backoff)));
            }
            backoff = backoff.multipliedBy(2);
        }
    }

    /** The server's {@code Retry-After} in seconds, when it sent one. */
    private static Optional<Duration> retryAfter(OpenAIServiceException e) {
        return e.headers().values("retry-after").stream().findFirst().flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException notSeconds) {
                return Optional.empty();
            }
        });
    }

    private static Duration jittered(Duration backoff) {
        return Duration.ofNanos((long) (backoff.toNanos() * ThreadLocalRandom.current().nextDouble(0.5, 1.5)));
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    private static void waitFor(Duration wait) {
        if (wait.isZero()) {
            return;
        }
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelUnavailableException("interrupted while waiting for the rate limit", e);
        }
    }
}
