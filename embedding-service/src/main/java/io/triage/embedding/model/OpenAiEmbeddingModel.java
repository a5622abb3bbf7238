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
import io.github.resilience4j.core.functions.Either;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * OpenAI {@code text-embedding-3-small} (or any OpenAI-compatible endpoint: Azure OpenAI, vLLM, a local stub) via
 * the official Java SDK. Inputs go in batches of at most {@code maxBatch}; requests and tokens per minute are
 * budgeted by two Resilience4j rate limiters before each call (a batch reserves both, then waits for the later);
 * 429, 5xx and dropped connections are retried by a Resilience4j retry (the SDK's own retries are off, so the policy
 * is ours and tested) with exponential backoff and jitter, honouring {@code Retry-After}; other 4xx answers are never
 * retried. Tokens and the estimated cost are counted.
 */
public final class OpenAiEmbeddingModel implements EmbeddingModel {

    /** The budgets are per minute: each minute refills the whole budget, which is also the largest burst. */
    private static final Duration BUDGET_PERIOD = Duration.ofMinutes(1);
    /** Calls wait for the budget rather than exceed it; only a budget too small for one batch waits this long. */
    private static final Duration LONGEST_BUDGET_WAIT = Duration.ofDays(1);

    private final OpenAIClient client;
    private final OpenAiProperties settings;
    private final RateLimiter requests;
    private final RateLimiter tokens;
    private final Retry retry;
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
        this.requests = budget("openai-embeddings-requests", settings.requestsPerMinute());
        this.tokens = budget("openai-embeddings-tokens", settings.tokensPerMinute());
        this.retry = Retry.of("openai-embeddings", RetryConfig.<CreateEmbeddingResponse>custom()
                .maxAttempts(settings.maxRetries() + 1)
                .retryOnException(OpenAiEmbeddingModel::isTransient)
                .intervalBiFunction(this::waitBeforeRetry)
                .build());
        this.tokensUsed = Counter.builder("embedding.openai.tokens").description("Prompt tokens billed")
                .tag("model", settings.modelName()).register(meters);
        this.costUsd = Counter.builder("embedding.openai.cost").baseUnit("usd")
                .description("Estimated embedding cost").tag("model", settings.modelName()).register(meters);
    }

    private static RateLimiter budget(String name, int perMinute) {
        if (perMinute <= 0) {
            throw new IllegalArgumentException(name + " per minute must be positive: " + perMinute);
        }
        return RateLimiter.of(name, RateLimiterConfig.custom()
                .limitForPeriod(perMinute)
                .limitRefreshPeriod(BUDGET_PERIOD)
                .timeoutDuration(LONGEST_BUDGET_WAIT)
                .build());
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
        waitForBudget(estimatedTokens);
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

    /** Reserves one request and the batch's estimated tokens, then waits until both budgets allow the call. */
    private void waitForBudget(long estimatedTokens) {
        long requestWait = requests.reservePermission(1);
        long tokenWait = tokens.reservePermission((int) Math.min(Integer.MAX_VALUE, estimatedTokens));
        if (requestWait < 0 || tokenWait < 0) {
            throw new ModelUnavailableException("the budgets of " + settings.requestsPerMinute() + " requests and "
                    + settings.tokensPerMinute() + " tokens per minute cannot admit a batch of " + estimatedTokens
                    + " estimated tokens within " + LONGEST_BUDGET_WAIT, null);
        }
        waitFor(Duration.ofNanos(Math.max(requestWait, tokenWait)));
    }

    private CreateEmbeddingResponse createWithRetries(EmbeddingCreateParams params) {
        try {
            return retry.executeSupplier(() -> client.embeddings().create(params));
        } catch (OpenAIIoException e) {
            throw new ModelUnavailableException("the embeddings endpoint cannot be reached", e);
        } catch (OpenAIServiceException e) {
            if (!isTransient(e)) {
                throw new IllegalStateException("the embeddings endpoint refused the request: " + e.statusCode(), e);
            }
            throw new ModelUnavailableException("the embeddings endpoint answered " + e.statusCode() + " after "
                    + (settings.maxRetries() + 1) + " attempts", e);
        }
    }

    /** 429, 5xx and dropped connections may succeed later; any other failure will not. */
    private static boolean isTransient(Throwable failure) {
        return failure instanceof OpenAIIoException
                || failure instanceof OpenAIServiceException e && (e.statusCode() == 429 || e.statusCode() >= 500);
    }

    /**
     * Milliseconds to wait before retry number {@code retry} (1 for the first): the server's {@code Retry-After}
     * when it sent one, else the initial backoff doubled for each earlier retry, with jitter.
     */
    private long waitBeforeRetry(int retry, Either<Throwable, CreateEmbeddingResponse> outcome) {
        Optional<Duration> asked = outcome.isLeft() && outcome.getLeft() instanceof OpenAIServiceException e
                ? retryAfter(e) : Optional.empty();
        Duration backoff = settings.initialBackoff().multipliedBy(1L << Math.min(retry - 1, 30));
        return asked.orElseGet(() -> jittered(backoff)).toMillis();
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
