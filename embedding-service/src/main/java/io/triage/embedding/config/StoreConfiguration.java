package io.triage.embedding.config;

import io.triage.embedding.config.EmbeddingProperties.StoreKind;
import io.triage.embedding.model.EmbeddingModel;
import io.triage.embedding.store.LuceneProperties;
import io.triage.embedding.store.LuceneVectorStore;
import io.triage.embedding.store.InactiveModelIndexes;
import io.triage.embedding.store.QdrantProperties;
import io.triage.embedding.store.QdrantVectorStore;
import io.triage.embedding.store.VectorStore;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The vector store named by {@code triage.embedding.store}, holding the active model's vectors only: each model and
 * dimension has its own Lucene directory or Qdrant collection, so switching models never mixes vectors.
 */
@Configuration(proxyBeanMethods = false)
class StoreConfiguration {

    @Bean(destroyMethod = "close")
    VectorStore vectorStore(EmbeddingProperties properties, LuceneProperties lucene, QdrantProperties qdrant,
            EmbeddingModel model) {
        if (properties.store() == StoreKind.QDRANT) {
            String collection = InactiveModelIndexes.QDRANT_COLLECTION_PREFIX + model.name().replace('-', '_');
            return new QdrantVectorStore(qdrant, collection, model.dimension());
        }
        return new LuceneVectorStore(lucene.path().resolve(model.name()), model.dimension(), lucene.maxConn(),
                lucene.beamWidth(), lucene.searchCandidates());
    }
}
