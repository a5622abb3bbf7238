package io.triage.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.jspecify.annotations.Nullable;

/**
 * Looks for an erased customer everywhere the suite keeps data: every row of every table in every schema of the
 * database (each row cast to text, so JSON payloads, arrays and every column count), every Redis key and value, and
 * every file under the suite's data directory. A trace is any of the given strings (customer id, ticket ids, ticket
 * texts), compared case-insensitively. Service logs are counted apart: they are not a store the erasure reaches
 * (their retention applies), but a mention there is reported.
 */
final class TraceScan {

    /** Where something was found and how often. */
    record Trace(String where, long count) {
    }

    private final List<String> needles;

    TraceScan(Collection<String> needles) {
        this.needles = needles.stream().filter(n -> n != null && n.length() >= 6)
                .map(n -> n.toLowerCase(Locale.ROOT)).distinct().toList();
        if (this.needles.isEmpty()) {
            throw new IllegalArgumentException("nothing to look for");
        }
    }

    /** Rows that hold a trace, per table. Partitions are scanned through their parent only. */
    List<Trace> database(String jdbcUrl, String user) throws SQLException {
        List<Trace> found = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "")) {
            List<String> tables = new ArrayList<>();
            try (PreparedStatement list = connection.prepareStatement("""
                    SELECT quote_ident(n.nspname) || '.' || quote_ident(c.relname)
                      FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
                       AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
                     ORDER BY 1
                    """); ResultSet rs = list.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            String[] patterns = needles.stream().map(n -> "%" + n.replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%").toArray(String[]::new);
            for (String table : tables) {
                try (PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM " + table + " t WHERE lower(t::text) LIKE ANY (?)")) {
                    count.setArray(1, connection.createArrayOf("text", patterns));
                    try (ResultSet rs = count.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(new Trace("table " + table, rs.getLong(1)));
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Keys whose name or value holds a trace. */
    List<Trace> redis(String uri) {
        List<Trace> found = new ArrayList<>();
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            RedisCommands<String, String> redis = connection.sync();
            ScanCursor cursor = ScanCursor.INITIAL;
            long keys = 0;
            do {
                KeyScanCursor<String> page = redis.scan(cursor, ScanArgs.Builder.limit(1000));
                for (String key : page.getKeys()) {
                    keys++;
                    if (holds(key) || holds(value(redis, key))) {
                        found.add(new Trace("redis key " + abbreviate(key), 1));
                    }
                }
                cursor = page;
            } while (!cursor.isFinished());
            System.out.println("    scanned " + keys + " Redis keys");
        } finally {
            client.shutdown();
        }
        return found;
    }

    /** Files under {@code root} that hold a trace, except those {@code skip} names. */
    List<Trace> files(Path root, Predicate<Path> skip) {
        List<Trace> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path file : paths.filter(Files::isRegularFile).filter(skip.negate()).toList()) {
                long hits = occurrences(file);
                if (hits > 0) {
                    found.add(new Trace("file " + root.relativize(file), hits));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private long occurrences(Path file) {
        try {
            if (Files.size(file) > 256L * 1024 * 1024) {
                return 0;
            }
            // ISO-8859-1 maps every byte to one char, so text inside binary files (index segments) is found too.
            String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)
                    .toLowerCase(Locale.ROOT);
            String utf8 = new String(content.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
            return needles.stream().filter(n -> content.contains(n) || utf8.contains(n)).count();
        } catch (IOException e) {
            return 0; // a file removed while walking (a live index merging)
        }
    }

    private boolean holds(@Nullable String text) {
        if (text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        return needles.stream().anyMatch(lower::contains);
    }

    private static @Nullable String value(RedisCommands<String, String> redis, String key) {
        return switch (redis.type(key)) {
            case "string" -> redis.get(key);
            case "hash" -> String.valueOf(redis.hgetall(key));
            case "list" -> String.valueOf(redis.lrange(key, 0, -1));
            case "set" -> String.valueOf(redis.smembers(key));
            case "zset" -> String.valueOf(redis.zrange(key, 0, -1));
            case "stream" -> String.valueOf(redis.xrange(key, io.lettuce.core.Range.create("-", "+")));
            default -> null;
        };
    }

    private static String abbreviate(String key) {
        return key.length() <= 80 ? key : key.substring(0, 77) + "...";
    }
}
