package io.triage.embedding.backfill;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The backfill files' part in a GDPR erasure: the files in the backfill directory hold tickets' raw text with their
 * customer id, and stay there after a backfill. Erasing a customer blanks each of the customer's lines in place. A
 * blank line is skipped by the runner and keeps every other line at its number, so a backfill that resumes by line
 * count still resumes at the right line.
 *
 * <p>While a backfill runs, erasure is refused ({@link BackfillRunningException}; the caller retries): the runner
 * reads the file it opened, and would embed the customer's lines again after the erasure.
 */
@Component
public class BackfillFiles {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path directory;
    private final Duration staleAfter;
    private final JdbcClient jdbc;

    BackfillFiles(BackfillProperties properties, JdbcClient jdbc) {
        this.directory = properties.directory().toAbsolutePath().normalize();
        this.staleAfter = properties.staleAfter();
        this.jdbc = jdbc;
    }

    /**
     * Throws when a backfill is running, so that an erasure can refuse before it changes anything. A backfill whose
     * runner stopped advancing ({@code stale-after}) does not count: it is resumed later, from the file as it is then.
     */
    public void requireNoBackfillRunning() {
        long running = jdbc.sql("""
                SELECT count(*) FROM backfills
                 WHERE status = 'RUNNING' AND updated_at >= now() - make_interval(secs => :stale)
                """).param("stale", staleAfter.toSeconds()).query(Long.class).single();
        if (running > 0) {
            throw new BackfillRunningException();
        }
    }

    /** Blanks the customer's lines in every file of the backfill directory; the number of lines blanked. */
    public long eraseCustomer(String customerId) {
        requireNoBackfillRunning();
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> entries = Files.list(directory)) {
            files = entries.filter(Files::isRegularFile).filter(file -> !file.getFileName().toString().startsWith("."))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the backfill directory " + directory, e);
        }
        long blanked = 0;
        for (Path file : files) {
            blanked += eraseIn(file, customerId);
        }
        return blanked;
    }

    private static long eraseIn(Path file, String customerId) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            List<String> kept = new ArrayList<>(lines.size());
            long blanked = 0;
            for (String line : lines) {
                boolean customers = !line.isBlank() && customerId.equals(customerOf(line));
                kept.add(customers ? "" : line);
                blanked += customers ? 1 : 0;
            }
            if (blanked > 0) {
                // Written beside the file and moved over it, so a crash leaves either the old or the new content.
                Path next = file.resolveSibling("." + file.getFileName() + ".erasing");
                Files.write(next, kept, StandardCharsets.UTF_8);
                Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            return blanked;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot erase from the backfill file " + file.getFileName(), e);
        }
    }

    /** The line's customer id; {@code null} for a line that is not a JSON object with one (left as it is). */
    private static @Nullable String customerOf(String line) {
        try {
            JsonNode customer = JSON.readTree(line).get("customerId");
            return customer == null || !customer.isString() ? null : customer.asString();
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A backfill is running: erasure is refused until it ends, and changes nothing. */
    public static final class BackfillRunningException extends RuntimeException {

        BackfillRunningException() {
            super("a backfill is running; erase again once it has ended", null, false, false);
        }
    }
}
