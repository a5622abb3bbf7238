package io.triage.embedding.config;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * embedding-service settings ({@code triage.embedding.*}). Defaults work offline: MiniLM in-process and a Lucene
 * index on local disk.
 *
 * @param model which embedding model turns ticket text into vectors: {@code minilm} (default, in-process, 384-d)
 *     or {@code openai} (text-embedding-3-small, 1536-d, needs {@code openai.api-key})
 * @param store which vector store serves searches: {@code lucene} (default, embedded) or {@code qdrant}
 * @param openai the OpenAI-compatible embeddings endpoint, used when {@code model=openai}
 * @param lucene the embedded Lucene HNSW index, used when {@code store=lucene}
 * @param qdrant the Qdrant server, used when {@code store=qdrant}
 * @param batchSize tickets embedded and written per batch by the backfill and the scheduled sync
 * @param maxTicketsPerRequest largest batch {@code POST /embeddings} accepts
 * @param storeRetryAfter the {@code Retry-After} a caller is given when the store or the model is unavailable
 * @param backfill where backfill files are read from
 * @param sync the scheduled job that embeds new tickets exposed by ingestion-service
 * @param reconcile the job that repairs differences between Postgres and the index
 */
@ConfigurationProperties("triage.embedding")
public record EmbeddingProperties(
        @DefaultValue("minilm") ModelKind model,
        @DefaultValue("lucene") StoreKind store,
        @DefaultValue OpenAi openai,
        @DefaultValue Lucene lucene,
        @DefaultValue Qdrant qdrant,
        @DefaultValue("1000") int batchSize,
        @DefaultValue("1000") int maxTicketsPerRequest,
        @DefaultValue("30s") Duration storeRetryAfter,
        @DefaultValue Backfill backfill,
        @DefaultValue Sync sync,
        @DefaultValue Reconcile reconcile) {

    /** The embedding models this service can use. */
    public enum ModelKind { MINILM, OPENAI }

    /** The vector stores this service can use. */
    public enum StoreKind { LUCENE, QDRANT }

    /**
     * An OpenAI-compatible {@code /v1/embeddings} endpoint (OpenAI, Azure OpenAI, vLLM, a local stub).
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
    public record OpenAi(
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
    }

    /**
     * The embedded Lucene index: memory-mapped files, not heap.
     *
     * @param path directory holding one sub-directory per model and dimension
     * @param maxConn HNSW graph degree (M)
     * @param beamWidth HNSW candidate list size while building the graph (efConstruction)
     * @param searchCandidates candidates the HNSW search collects before the top k are returned (efSearch); higher
     *     buys recall with latency
     */
    public record Lucene(
            @DefaultValue("./var/embedding-index") Path path,
            @DefaultValue("16") int maxConn,
            @DefaultValue("100") int beamWidth,
            @DefaultValue("100") int searchCandidates) {
    }

    /**
     * A Qdrant server reached over gRPC; one collection per model and dimension.
     *
     * @param host server host name
     * @param port gRPC port (6334 by default)
     * @param useTls whether the channel uses TLS
     * @param apiKey Qdrant API key, from the environment; empty for none
     * @param timeout deadline of each call
     * @param maxAttempts attempts per call including the first; only UNAVAILABLE, DEADLINE_EXCEEDED and
     *     RESOURCE_EXHAUSTED are retried
     * @param initialBackoff wait before the first retry; doubled for each later one
     */
    public record Qdrant(
            @DefaultValue("localhost") String host,
            @DefaultValue("6334") int port,
            @DefaultValue("false") boolean useTls,
            @DefaultValue("") String apiKey,
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("4") int maxAttempts,
            @DefaultValue("200ms") Duration initialBackoff) {
    }

    /**
     * The backfill of historical tickets from JSONL files.
     *
     * @param directory the only directory {@code POST /backfill} reads files from (a mounted volume in Kubernetes)
     * @param staleAfter a running backfill whose checkpoint has not moved for this long is taken to have crashed
     *     and is resumed by another replica (or this one after a restart)
     */
    public record Backfill(
            @DefaultValue("./var/backfill") Path directory,
            @DefaultValue("2m") Duration staleAfter) {
    }

    /**
     * The scheduled job that embeds new sanitised tickets from ingestion-service
     * ({@code GET /tickets/clean?after=&limit=}; the client is the {@code ingestion} HTTP service group).
     *
     * @param enabled whether the job runs; off until ingestion-service exposes the endpoint
     * @param cron when it runs (nightly by default)
     */
    public record Sync(
            @DefaultValue("false") boolean enabled,
            @DefaultValue("0 0 2 * * *") String cron) {
    }

    /**
     * The reconcile job comparing {@code ticket_embeddings} with the index.
     *
     * @param cron when it runs
     * @param onStartup whether it also runs once after start, so a missing or damaged index is rebuilt
     */
    public record Reconcile(
            @DefaultValue("0 15 * * * *") String cron,
            @DefaultValue("true") boolean onStartup) {
    }
}
