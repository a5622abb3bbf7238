package io.triage.embedding.model;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The cache of recent vectors in front of the embedding model ({@code triage.embedding.vector-cache-size}; the other
 * {@code triage.embedding.*} settings belong to the features that use them). See {@link CachingEmbeddingModel}.
 *
 * @param vectorCacheSize most vectors remembered, keyed by the model and the SHA-256 of the text (never the text
 *     itself); {@code 0} turns the cache off. Each entry is on the heap: with MiniLM a vector is 384 floats, 1.5 KB,
 *     about 1.8 KB with its key and bookkeeping, so the default 10,000 entries take about 18 MB; with OpenAI's
 *     1,536 dimensions an entry is about 6.5 KB (about 65 MB at 10,000: lower it to stay well within a 512 MiB heap)
 */
@ConfigurationProperties("triage.embedding")
public record VectorCacheProperties(@DefaultValue("10000") int vectorCacheSize) {

    public VectorCacheProperties {
        if (vectorCacheSize < 0) {
            throw new IllegalArgumentException("triage.embedding.vector-cache-size must be 0 (off) or more: "
                    + vectorCacheSize);
        }
    }
}
