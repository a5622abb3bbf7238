package io.triage.embedding.store;

import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.qdrant.QdrantContainer;

/** The same contract against a real Qdrant in a container; skipped (visibly) where no Docker engine runs. */
@Testcontainers(disabledWithoutDocker = true)
class QdrantVectorStoreIT implements VectorStoreContract {

    @Container
    static final QdrantContainer QDRANT = new QdrantContainer("qdrant/qdrant:v1.15.5");

    QdrantVectorStore store;

    @BeforeEach
    void open() {
        var settings = new QdrantProperties(QDRANT.getHost(), QDRANT.getGrpcPort(), false, "",
                java.time.Duration.ofSeconds(10), 3, java.time.Duration.ofMillis(100));
        // A fresh collection per test keeps the tests independent.
        store = new QdrantVectorStore(settings, "contract_" + UUID.randomUUID().toString().replace("-", ""),
                DIMENSION);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    public VectorStore store() {
        return store;
    }
}
