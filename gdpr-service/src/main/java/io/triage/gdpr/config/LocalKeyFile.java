package io.triage.gdpr.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Objects;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A key generated once for local runs and kept in a file (one base64 line, owner-only), as audit-service keeps its
 * generated archive-manifest key: every later start, and every other instance sharing the directory, reads the same
 * one. Not for production, where the key is a configured secret.
 */
public final class LocalKeyFile {

    private static final Logger log = LoggerFactory.getLogger(LocalKeyFile.class);

    private LocalKeyFile() {
    }

    /** The key in {@code file}, or {@code generate}'s, written there first if the file does not exist. */
    public static String readOrCreate(Path file, Supplier<String> generate, String what) {
        try {
            if (!Files.exists(file)) {
                create(file, generate.get(), what);
            }
            String key = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (key.isEmpty()) {
                throw new IllegalStateException("the local " + what + " file " + file + " is empty");
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the local " + what + " file " + file, e);
        }
    }

    private static void create(Path file, String key, String what) throws IOException {
        Path parent = Objects.requireNonNull(file.toAbsolutePath().getParent(), "an absolute path has a parent");
        Files.createDirectories(parent);
        // Written owner-only to a temporary file, then linked into place: the link fails if another instance got
        // there first (theirs is used), and nobody reads a half-written key.
        Path partial = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? Files.createTempFile(parent, "key", ".partial",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(parent, "key", ".partial");
        try {
            Files.writeString(partial, key + "\n", StandardCharsets.UTF_8);
            Files.createLink(file.toAbsolutePath(), partial);
            log.warn("Generated a local {} in {}: not for production, configure a secret there", what, file);
        } catch (FileAlreadyExistsException e) {
            // another instance generated it first; theirs is read
        } finally {
            Files.deleteIfExists(partial);
        }
    }
}
