package io.triage.audit.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/**
 * Archive files in a local directory (the development default). Durable only when declared so
 * ({@code triage.audit.archive.local.durable}: a backed-up persistent volume); otherwise partitions are kept.
 */
public class LocalDirectoryArchiveStore implements ArchiveStore {

    private final Path directory;
    private final boolean durable;

    public LocalDirectoryArchiveStore(Path directory, boolean durable) {
        this.directory = directory.toAbsolutePath().normalize();
        this.durable = durable;
    }

    @Override
    public void put(String name, Path file) throws IOException {
        Files.createDirectories(directory);
        Path target = resolve(name);
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "archive file already exists");
        }
        Path partial = directory.resolve(name + ".partial");
        Files.copy(file, partial, StandardCopyOption.REPLACE_EXISTING);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public InputStream open(String name) throws IOException {
        return Files.newInputStream(resolve(name));
    }

    @Override
    public boolean exists(String name) {
        return Files.exists(resolve(name));
    }

    @Override
    public void delete(String name) throws IOException {
        Files.deleteIfExists(resolve(name));
    }

    @Override
    public List<String> list() throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".partial")).sorted().toList();
        }
    }

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    public boolean durable() {
        return durable;
    }

    private Path resolve(String name) {
        Path path = directory.resolve(name).normalize();
        if (!directory.equals(path.getParent())) {
            throw new IllegalArgumentException("archive names are flat: " + name);
        }
        return path;
    }
}
