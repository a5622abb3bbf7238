package io.triage.embedding.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which model and store embedding-service wires ({@code triage.embedding.*}). Defaults work offline: MiniLM
 * in-process and a Lucene index on local disk. Each feature's own settings live with it: {@code openai.*} in
 * {@code model.OpenAiProperties}, {@code lucene.*} and {@code qdrant.*} in {@code store}, {@code backfill.*},
 * {@code sync.*} and {@code reconcile.*} in their packages, {@code batch-size} in {@code ticket.PipelineProperties},
 * {@code vector-cache-size} in {@code model.VectorCacheProperties}, the API's limits in {@code api.ApiProperties}.
 *
 * @param model which embedding model turns ticket text into vectors: {@code minilm} (default, in-process, 384-d)
 *     or {@code openai} (text-embedding-3-small, 1536-d, needs {@code openai.api-key})
 * @param store which vector store serves searches: {@code lucene} (default, embedded) or {@code qdrant}
 */
@ConfigurationProperties("triage.embedding")
public record EmbeddingProperties(
        @DefaultValue("minilm") ModelKind model,
        @DefaultValue("lucene") StoreKind store) {

    /** The embedding models this service can use. */
    public enum ModelKind { MINILM, OPENAI }

    /** The vector stores this service can use. */
    public enum StoreKind { LUCENE, QDRANT }
}
