package io.triage.embedding.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.embedding.config.EmbeddingProperties.ModelKind;
import io.triage.embedding.model.CachingEmbeddingModel;
import io.triage.embedding.model.EmbeddingModel;
import io.triage.embedding.model.MiniLmEmbeddingModel;
import io.triage.embedding.model.MiniLmProperties;
import io.triage.embedding.model.OpenAiEmbeddingModel;
import io.triage.embedding.model.OpenAiProperties;
import io.triage.embedding.model.VectorCacheProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The embedding model named by {@code triage.embedding.model}, behind the cache of recent vectors
 * ({@code triage.embedding.vector-cache-size}): searches and ingestion share it, so a text is encoded once.
 */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    @Bean
    EmbeddingModel embeddingModel(EmbeddingProperties properties, OpenAiProperties openai, MiniLmProperties minilm,
            VectorCacheProperties cache, MeterRegistry meters) {
        // The OpenAI model's name is fixed per instance, so its vectors are cached like MiniLM's (and save tokens).
        EmbeddingModel model = properties.model() == ModelKind.OPENAI
                ? new OpenAiEmbeddingModel(openai, meters)
                : new MiniLmEmbeddingModel(minilm, meters);
        return CachingEmbeddingModel.of(model, cache.vectorCacheSize(), meters);
    }
}
