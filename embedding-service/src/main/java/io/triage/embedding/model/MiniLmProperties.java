package io.triage.embedding.model;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The in-process MiniLM encoder ({@code triage.embedding.minilm.*}; used when {@code triage.embedding.model} is
 * {@code minilm}). See {@link MiniLmEmbeddingModel} and {@link MiniLmEncoder}.
 *
 * @param threads workers of the bulk pool (ingestion, backfill, sync), each running one ONNX session run on one
 *     core at a time; {@code 0} (default) means one per available processor
 * @param searchThreads workers of the search pool (query texts of {@code POST /search}), separate from the bulk pool
 *     so a bulk ingest cannot delay a search; {@code 0} (default) means one per available processor
 * @param maxTokens texts are cut to their first {@code max-tokens} tokens, CLS and SEP included (2–512). The default
 *     128 is where the model's tokenizer file cuts, so vectors equal those stored by earlier versions. Any other value
 *     reads more (256 is MiniLM's trained length) or less of long texts and changes their vectors, so the model is
 *     then named {@code all-minilm-l6-v2-q-<max-tokens>t-384} and starts a new index, filled by a backfill or the
 *     sync; attention time grows with the square of the length
 */
@ConfigurationProperties("triage.embedding.minilm")
public record MiniLmProperties(
        @DefaultValue("0") int threads,
        @DefaultValue("0") int searchThreads,
        @DefaultValue("128") int maxTokens) {

    public MiniLmProperties {
        if (threads < 0 || searchThreads < 0) {
            throw new IllegalArgumentException("triage.embedding.minilm.threads and search-threads must be 0 "
                    + "(one per processor) or more");
        }
        if (maxTokens < 2 || maxTokens > 512) {
            throw new IllegalArgumentException("triage.embedding.minilm.max-tokens must be between 2 and 512, not "
                    + maxTokens);
        }
    }

    /** The defaults: one worker per processor in each pool, texts cut at 128 tokens. */
    public static MiniLmProperties defaults() {
        return new MiniLmProperties(0, 0, MiniLmEncoder.STORED_MAX_TOKENS);
    }

    int bulkWorkers() {
        return threads == 0 ? Runtime.getRuntime().availableProcessors() : threads;
    }

    int searchWorkers() {
        return searchThreads == 0 ? Runtime.getRuntime().availableProcessors() : searchThreads;
    }
}
