package io.triage.audit.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.util.List;

import com.azure.core.util.BinaryData;
import io.triage.audit.blob.WriteOnceContainer;

/**
 * Archive files as blobs in one Azure Blob Storage container (flat names): durable, written once
 * ({@code If-None-Match: *}), and immutable for the configured period where the container has version-level
 * immutability.
 */
public class AzureBlobArchiveStore implements ArchiveStore {

    private final WriteOnceContainer container;

    public AzureBlobArchiveStore(WriteOnceContainer container) {
        this.container = container;
    }

    @Override
    public void put(String name, Path file) throws IOException {
        if (!container.create(name, BinaryData.fromFile(file))) {
            throw new FileAlreadyExistsException(container.url() + "/" + name, null, "archive file already exists");
        }
    }

    @Override
    public InputStream open(String name) throws IOException {
        return container.open(name);
    }

    @Override
    public boolean exists(String name) {
        return container.exists(name);
    }

    @Override
    public void delete(String name) throws IOException {
        container.delete(name);
    }

    @Override
    public List<String> list() throws IOException {
        return container.names("");
    }

    @Override
    public String location() {
        return container.url();
    }

    @Override
    public boolean durable() {
        return true;
    }
}
