package io.triage.audit;

import java.nio.file.Path;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points the service's local files (archive, write-once checkpoint mirror, generated archiver key) into a test's
 * own directory: checkpoint ids restart in every test database, so a shared mirror would mix test classes.
 */
final class LocalStorage {

    private LocalStorage() {
    }

    static void in(Path directory, DynamicPropertyRegistry registry) {
        registry.add("triage.audit.archive.directory", () -> directory.resolve("archive").toString());
        registry.add("triage.audit.checkpoint-mirror.directory", () -> directory.resolve("mirror").toString());
        registry.add("triage.audit.archiver.signing.key-file",
                () -> directory.resolve("keys/archive-manifest-ed25519.properties").toString());
    }
}
