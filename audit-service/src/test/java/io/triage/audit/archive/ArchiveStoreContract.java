package io.triage.audit.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every {@link ArchiveStore} does, implemented once per store: files are written once and never replaced, read
 * back byte for byte, listed by name and deleted by retention.
 */
interface ArchiveStoreContract {

    /** A new, empty store for each test. */
    ArchiveStore store();

    private static Path file(Path directory, String content) throws IOException {
        return Files.writeString(Files.createTempFile(directory, "archive", ".tmp"), content);
    }

    private static String read(ArchiveStore store, String name) throws IOException {
        try (InputStream in = store.open(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    default void aStoredFileReadsBackByteForByte(@TempDir Path scratch) throws IOException {
        store().put("audit-2024-01.jsonl.gz", file(scratch, "{\"seq\":1}\n{\"seq\":2}\n"));

        assertThat(read(store(), "audit-2024-01.jsonl.gz")).isEqualTo("{\"seq\":1}\n{\"seq\":2}\n");
        assertThat(store().exists("audit-2024-01.jsonl.gz")).isTrue();
    }

    @Test
    default void aSecondPutOfTheSameNameIsRefusedAndKeepsTheFirst(@TempDir Path scratch) throws IOException {
        store().put("audit-2024-01.manifest.json", file(scratch, "first"));

        assertThatThrownBy(() -> store().put("audit-2024-01.manifest.json", file(scratch, "second")))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(read(store(), "audit-2024-01.manifest.json")).isEqualTo("first");
    }

    @Test
    default void aMissingFileDoesNotExistAndCannotBeOpened() {
        assertThat(store().exists("audit-1999-01.jsonl.gz")).isFalse();
        assertThatThrownBy(() -> store().open("audit-1999-01.jsonl.gz")).isInstanceOf(NoSuchFileException.class);
    }

    @Test
    default void listNamesEveryStoredFileInOrder(@TempDir Path scratch) throws IOException {
        assertThat(store().list()).isEmpty();
        store().put("audit-2024-02.jsonl.gz", file(scratch, "b"));
        store().put("audit-2024-01.jsonl.gz", file(scratch, "a"));

        assertThat(store().list()).containsExactly("audit-2024-01.jsonl.gz", "audit-2024-02.jsonl.gz");
    }

    @Test
    default void deleteRemovesAFileAndToleratesAMissingOne(@TempDir Path scratch) throws IOException {
        store().put("audit-2024-01.jsonl.gz", file(scratch, "a"));

        store().delete("audit-2024-01.jsonl.gz");
        store().delete("audit-2024-01.jsonl.gz");

        assertThat(store().exists("audit-2024-01.jsonl.gz")).isFalse();
        assertThat(store().list()).isEmpty();
    }

    @Test
    default void namesAreFlat(@TempDir Path scratch) {
        assertThatThrownBy(() -> store().put("../audit-2024-01.jsonl.gz", file(scratch, "a")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
