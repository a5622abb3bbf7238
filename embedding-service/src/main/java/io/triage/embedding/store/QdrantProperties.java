package io.triage.embedding.store;

import java.time.Duration;

import io.triage.platform.SecretMasking;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A Qdrant server reached over gRPC, used when {@code triage.embedding.store=qdrant}
 * ({@code triage.embedding.qdrant.*}); one collection per model and dimension.
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
@ConfigurationProperties("triage.embedding.qdrant")
public record QdrantProperties(
        @DefaultValue("localhost") String host,
        @DefaultValue("6334") int port,
        @DefaultValue("false") boolean useTls,
        @DefaultValue("") String apiKey,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("200ms") Duration initialBackoff) {

    @Override
    public String toString() {
        return SecretMasking.toString(this, "apiKey");
    }
}
