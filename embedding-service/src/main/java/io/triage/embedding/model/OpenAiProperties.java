package io.triage.embedding.model;

import java.time.Duration;

import io.triage.platform.SecretMasking;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * An OpenAI-compatible {@code /v1/embeddings} endpoint (OpenAI, Azure OpenAI, vLLM, a local stub), used when
 * {@code triage.embedding.model=openai} ({@code triage.embedding.openai.*}).
 *
 * @param baseUrl base URL up to and including {@code /v1}
 * @param apiKey secret key; set it from the environment ({@code TRIAGE_EMBEDDING_OPENAI_API_KEY}), never in a file
 * @param modelName the model requested, e.g. {@code text-embedding-3-small}
 * @param dimension the vector length that model returns
 * @param maxBatch most inputs sent in one request (OpenAI accepts up to 2,048; the seed asks for 1,000)
 * @param requestsPerMinute request budget; calls wait rather than exceed it
 * @param tokensPerMinute token budget (estimated before the call as characters / 4); calls wait rather than exceed it
 * @param maxRetries retries of a 429 or 5xx answer (or a dropped connection), with exponential backoff honouring
 *     {@code Retry-After}; other 4xx answers are never retried
 * @param initialBackoff wait before the first retry (when the answer names no {@code Retry-After}); doubled,
 *     with jitter, for each later one
 * @param timeout per-request timeout
 * @param usdPerMillionTokens price used for the estimated-cost metric ($0.02 for text-embedding-3-small)
 */
@ConfigurationProperties("triage.embedding.openai")
public record OpenAiProperties(
        @DefaultValue("https://api.openai.com/v1") String baseUrl,
        @DefaultValue("") String apiKey,
        @DefaultValue("text-embedding-3-small") String modelName,
        @DefaultValue("1536") int dimension,
        @DefaultValue("1000") int maxBatch,
        @DefaultValue("3000") int requestsPerMinute,
        @DefaultValue("1000000") int tokensPerMinute,
        @DefaultValue("4") int maxRetries,
        @DefaultValue("500ms") Duration initialBackoff,
        @DefaultValue("60s") Duration timeout,
        @DefaultValue("0.02") double usdPerMillionTokens) {

    @Override
    public String toString() {
        return SecretMasking.toString(this, "apiKey");
    }
}
