package io.triage.embedding.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.triage.embedding.config.EmbeddingProperties.ModelKind;
import io.triage.embedding.model.EmbeddingModel;
import io.triage.embedding.model.MiniLmEmbeddingModel;
import io.triage.embedding.model.OpenAiEmbeddingModel;
import io.triage.embedding.model.OpenAiProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The embedding model named by {@code triage.embedding.model}. */
@Configuration(proxyBeanMethods = false)
class ModelConfiguration {

    @Bean
    EmbeddingModel embeddingModel(EmbeddingProperties properties, OpenAiProperties openai, MeterRegistry meters) {
        if (properties.model() == ModelKind.OPENAI) {
            return new OpenAiEmbeddingModel(openai, meters);
        }
        return new MiniLmEmbeddingModel();
    }
}
