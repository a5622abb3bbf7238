package io.triage.embedding.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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

    @Test
    void erasureReachesTheCollectionsOfOtherModels() {
        String family = "family_" + UUID.randomUUID().toString().replace("-", "") + "_";
        var settings = new QdrantProperties(QDRANT.getHost(), QDRANT.getGrpcPort(), false, "",
                java.time.Duration.ofSeconds(10), 3, java.time.Duration.ofMillis(100));
        try (QdrantVectorStore active = new QdrantVectorStore(settings, family + "new", DIMENSION);
                QdrantVectorStore old = new QdrantVectorStore(settings, family + "old", DIMENSION);
                QdrantVectorStore unrelated = new QdrantVectorStore(settings, "other_" + family, DIMENSION)) {
            old.upsert(List.of(VectorStoreContract.record("T-old-1", VectorStoreContract.axis(0), "C-gone", "billing", 0), VectorStoreContract.record("T-old-2", VectorStoreContract.axis(1), "C-kept", "billing", 0)));
            unrelated.upsert(List.of(VectorStoreContract.record("T-other", VectorStoreContract.axis(2), "C-gone", "billing", 0)));
            active.upsert(List.of(VectorStoreContract.record("T-new", VectorStoreContract.axis(3), "C-kept", "billing", 0)));

            assertThat(active.deleteByCustomerInOtherCollections("C-gone", family)).isEqualTo(1);

            assertThat(old.revisions()).containsOnlyKeys("T-old-2");
            assertThat(unrelated.count()).as("a collection outside the family is left alone").isEqualTo(1);
            assertThat(active.count()).isEqualTo(1);
        }
    }

    @Override
    public VectorStore store() {
        return store;
    }
}
