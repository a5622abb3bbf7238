package io.triage.embedding.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

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

    @Test
    void aDeletedCustomerLeavesNothingInTheIndexFiles() throws IOException {
        // One deleted document among many: a segment with few deletions is not merged away by itself.
        store.upsert(withKept(VectorStoreContract.record("T-gone-4711", VectorStoreContract.axis(1), "C-erased-4711",
                "billing", 0)));
        store.upsert(List.of(VectorStoreContract.record("T-later", VectorStoreContract.axis(3), "C-kept", "billing",
                0)));
        assertThat(filesHolding("C-erased-4711")).as("the stored customer id is in the files").isNotEmpty();

        assertThat(store.deleteByCustomer("C-erased-4711")).isEqualTo(1);

        assertThat(filesHolding("C-erased-4711")).as("deleted documents are expunged, not only marked").isEmpty();
        assertThat(filesHolding("T-gone-4711")).isEmpty();
        assertThat(store.revisions()).hasSize(KEPT + 1).containsKey("T-later").doesNotContainKey("T-gone-4711");
    }

    @Test
    void anInactiveModelsIndexIsExpungedToo() throws IOException {
        store.upsert(withKept(VectorStoreContract.record("T-old-4711", VectorStoreContract.axis(1), "C-old-4711",
                "billing", 0)));
        store.close();

        assertThat(LuceneVectorStore.deleteByCustomerIn(directory, "C-old-4711")).isEqualTo(1);

        assertThat(filesHolding("C-old-4711")).isEmpty();
        store = new LuceneVectorStore(directory, DIMENSION, 16, 100, 50);
        assertThat(store.revisions()).hasSize(KEPT).doesNotContainKey("T-old-4711");
    }

    private static final int KEPT = 40;

    private static List<VectorRecord> withKept(VectorRecord erased) {
        List<VectorRecord> records = new ArrayList<>();
        records.add(erased);
        for (int i = 0; i < KEPT; i++) {
            records.add(VectorStoreContract.record("T-kept-" + i, VectorStoreContract.axis(i % DIMENSION), "C-kept",
                    "billing", 0));
        }
        return records;
    }

    private List<Path> filesHolding(String text) throws IOException {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(Files::isRegularFile).filter(file -> contains(file, needle)).toList();
        }
    }

    private static boolean contains(Path file, byte[] needle) {
        try {
            byte[] content = Files.readAllBytes(file);
            outer:
            for (int i = 0; i + needle.length <= content.length; i++) {
                for (int j = 0; j < needle.length; j++) {
                    if (content[i + j] != needle[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
