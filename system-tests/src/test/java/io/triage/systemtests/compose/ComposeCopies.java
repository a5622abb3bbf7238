package io.triage.systemtests.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/** Copies of the compose file and of grafana/ that a test breaks on purpose, in a temporary directory. */
final class ComposeCopies {

    /** A change to the parsed compose file. */
    @FunctionalInterface
    interface Edit {
        void apply(Map<String, Object> compose);
    }

    private ComposeCopies() {
    }

    /** The compose file with {@code edit} applied, written as {@code docker-compose.yml} into {@code directory}. */
    static Path edited(Path compose, Path directory, Edit edit) throws IOException {
        Map<String, Object> document = ComposeFile.yaml(compose);
        edit.apply(document);
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        return Files.writeString(directory.resolve("docker-compose.yml"), new Yaml(options).dump(document));
    }

    /** Replaces the one occurrence of {@code text} in {@code file}; fails when it is not there exactly once. */
    static void replace(Path file, String text, String replacement) throws IOException {
        String content = Files.readString(file);
        int first = content.indexOf(text);
        if (first < 0 || content.indexOf(text, first + 1) >= 0) {
            throw new IllegalStateException(file + " does not contain '" + text + "' exactly once");
        }
        Files.writeString(file, content.replace(text, replacement));
    }

    static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path to = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
    }

    static void delete(Path tree) {
        try (Stream<Path> files = Files.walk(tree)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
