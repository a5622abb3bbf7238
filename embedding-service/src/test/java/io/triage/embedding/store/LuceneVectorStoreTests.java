package io.triage.embedding.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LuceneVectorStoreTests implements VectorStoreContract {

    @TempDir
    Path directory;

    LuceneVectorStore store;

    @BeforeEach
    void open() {
        store = new LuceneVectorStore(directory, DIMENSION, 16, 100, 50);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Override
    public VectorStore store() {
        return store;
    }

    @Test
    void acknowledgedWritesSurviveReopening() {
        store.upsert(List.of(VectorStoreContract.record("T-1", VectorStoreContract.axis(2), "C1", "billing", 0)));
        store.close();
        store = new LuceneVectorStore(directory, DIMENSION, 16, 100, 50);
        assertThat(store.revisions()).containsOnlyKeys("T-1");
    }

    @Test
    void aClosedIndexIsReportedUnavailable() {
        store.close();
        assertThatExceptionOfType(StoreUnavailableException.class).isThrownBy(() -> store.upsert(List.of(
                VectorStoreContract.record("T-1", VectorStoreContract.axis(2), "C1", "billing", 0))));
        assertThat(store.health().up()).isFalse();
        // @AfterEach closes it again: closing twice is harmless.
    }
}
