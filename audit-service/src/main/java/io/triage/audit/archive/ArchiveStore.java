package io.triage.audit.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;

/**
 * Long-term storage of archive files: a local directory by default; Azure Blob Storage in production implements
 * the same interface. Names are flat ({@code audit-2024-01.jsonl.gz}).
 */
public interface ArchiveStore {

    /**
     * Stores the file's content under {@code name}, replacing nothing: an existing name is an error
     * ({@link java.nio.file.FileAlreadyExistsException}).
     */
    void put(String name, Path file) throws IOException;

    InputStream open(String name) throws IOException;

    boolean exists(String name);

    void delete(String name) throws IOException;

    List<String> list() throws IOException;

    /** Where the files live, for manifests and listings (a directory path or a container URL). */
    String location();

    /**
     * Whether the files outlive the service's pods and disks (and so may be the only copy of a month): archived
     * partitions are detached and dropped only then. A store that does not say is not.
     */
    default boolean durable() {
        return false;
    }
}
