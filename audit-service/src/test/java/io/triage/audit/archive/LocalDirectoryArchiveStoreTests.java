package io.triage.audit.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryArchiveStoreTests implements ArchiveStoreContract {

    @TempDir
    Path directory;

    LocalDirectoryArchiveStore store;

    @BeforeEach
    void newStore() {
        store = new LocalDirectoryArchiveStore(directory.resolve("archive"), false);
    }

    @Override
    public ArchiveStore store() {
        return store;
    }

    @Test
    void isDurableOnlyWhenDeclared() {
        assertThat(store.durable()).isFalse();
        assertThat(new LocalDirectoryArchiveStore(directory, true).durable()).isTrue();
    }
}
