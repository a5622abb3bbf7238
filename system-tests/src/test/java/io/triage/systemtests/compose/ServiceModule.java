package io.triage.systemtests.compose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

/**
 * A service of the reactor: a module with an {@code application.yml} that names its {@code triage.platform.schema}
 * (a Spring Boot application on service-platform), read from its sources.
 *
 * @param name the module's directory and artifact id, e.g. {@code classify-service}
 * @param directory the module's directory
 * @param port its {@code server.port}
 * @param configuration its {@code application.yml}, as parsed
 * @param configurationText its {@code application.yml}, as written (for placeholders)
 */
record ServiceModule(String name, Path directory, int port, Map<String, Object> configuration,
        String configurationText) {

    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");

    /** The service modules listed in the root pom's {@code <modules>}, in its order. */
    static List<ServiceModule> inReactor(Path root) {
        List<ServiceModule> services = new ArrayList<>();
        Matcher modules = MODULE.matcher(read(root.resolve("pom.xml")));
        while (modules.find()) {
            ServiceModule service = load(root.resolve(modules.group(1).trim()));
            if (service != null) {
                services.add(service);
            }
        }
        return services;
    }

    private static @Nullable ServiceModule load(Path directory) {
        Path file = directory.resolve("src/main/resources/application.yml");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String text = read(file);
        Map<String, Object> configuration = new Yaml().load(text);
        if (Yamls.at(configuration, "triage.platform.schema") == null) {
            return null;
        }
        Object port = Yamls.at(configuration, "server.port");
        if (!(port instanceof Integer number)) {
            throw new IllegalStateException(file + " sets no server.port");
        }
        return new ServiceModule(directory.getFileName().toString(), directory, number, configuration, text);
    }

    /** Whether it owns Flyway migrations (a schema in Postgres), so it cannot start before Postgres is up. */
    boolean usesDatabase() {
        return Files.isDirectory(directory.resolve("src/main/resources/db"));
    }

    /** Whether it depends on Spring Data Redis. */
    boolean usesRedis() {
        return read(directory.resolve("pom.xml")).contains("<artifactId>spring-boot-starter-data-redis</artifactId>");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
