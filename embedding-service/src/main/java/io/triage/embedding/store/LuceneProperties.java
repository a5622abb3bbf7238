package io.triage.embedding.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The embedded Lucene HNSW index, used when {@code triage.embedding.store=lucene} ({@code triage.embedding.lucene.*}):
 * memory-mapped files, not heap.
 *
 * @param path directory holding one sub-directory per model and dimension
 * @param maxConn HNSW graph degree (M)
 * @param beamWidth HNSW candidate list size while building the graph (efConstruction)
 * @param searchCandidates candidates the HNSW search collects before the top k are returned (efSearch); higher
 *     buys recall with latency
 */
@ConfigurationProperties("triage.embedding.lucene")
public record LuceneProperties(
        @DefaultValue("./var/embedding-index") Path path,
        @DefaultValue("16") int maxConn,
        @DefaultValue("100") int beamWidth,
        @DefaultValue("100") int searchCandidates) {
}
