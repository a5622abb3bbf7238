package io.triage.audit.checkpoint;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.json.JsonMapper;

/**
 * The checkpoint mirror as a directory: one file per checkpoint ({@code checkpoint-<id>.json}), created with
 * {@code CREATE_NEW} (never overwritten), forced to disk and made read-only. Mount storage the database
 * administrators cannot write, shared by every replica.
 */
public class DirectoryCheckpointMirror implements CheckpointMirror {

    private static final Pattern NAME = Pattern.compile("checkpoint-(\\d{19})\\.json");

    private final Path directory;
    private final JsonMapper json;

    public DirectoryCheckpointMirror(Path directory, JsonMapper json) {
        this.directory = directory.toAbsolutePath().normalize();
        this.json = json;
    }

    @Override
    public void write(Checkpoint checkpoint) throws IOException {
        Files.createDirectories(directory);
        Path file = file(checkpoint.id());
        byte[] content = json.writeValueAsBytes(checkpoint);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(content);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        } catch (FileAlreadyExistsException e) {
            if (!checkpoint.equals(read(checkpoint.id()).orElse(null))) {
                throw new IOException("the mirror already holds a different checkpoint " + checkpoint.id(), e);
            }
            return;
        }
        if (!file.toFile().setWritable(false, false)) {
            throw new IOException("cannot make the mirrored checkpoint " + file + " read-only");
        }
    }

    @Override
    public Optional<Checkpoint> read(long id) throws IOException {
        try {
            return Optional.of(json.readValue(Files.readAllBytes(file(id)), Checkpoint.class));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public SortedSet<Long> ids() throws IOException {
        SortedSet<Long> ids = new TreeSet<>();
        if (!Files.isDirectory(directory)) {
            return ids;
        }
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(path -> {
                Matcher name = NAME.matcher(path.getFileName().toString());
                if (name.matches()) {
                    ids.add(Long.parseLong(name.group(1)));
                }
            });
        }
        return ids;
    }

    @Override
    public String location() {
        return directory.toString();
    }

    private Path file(long id) {
        return directory.resolve("checkpoint-%019d.json".formatted(id));
    }
}
