package io.triage.systemtests.compose;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.Yaml;

/**
 * A docker-compose file as compose reads its structure (YAML anchors and merge keys resolved by SnakeYAML), with the
 * directory its relative bind mounts start from.
 *
 * @param file the compose file
 * @param document its content
 */
record ComposeFile(Path file, Map<String, Object> document) {

    /** The repository root, from system-tests' directory (where Maven runs its tests). */
    static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    static ComposeFile load(Path file) {
        return new ComposeFile(file.toAbsolutePath().normalize(), yaml(file));
    }

    /** Everything broken in this file, measured against the service modules under {@code root}; empty when none. */
    List<String> violations(Path root) {
        List<ServiceModule> modules = ServiceModule.inReactor(root);
        List<String> found = new ArrayList<>();
        if (modules.isEmpty()) {
            found.add("no service module found under " + root);
        }
        found.addAll(ComposeChecks.services(this, modules, root));
        found.addAll(ComposeChecks.serviceUrls(this, modules));
        found.addAll(ComposeChecks.prometheus(this, modules));
        found.addAll(ComposeChecks.grafana(this));
        found.addAll(ComposeChecks.qdrant(this));
        found.addAll(ComposeChecks.bindMounts(this));
        return found;
    }

    Map<String, Object> services() {
        return Yamls.map(document, "services");
    }

    Map<String, Object> service(String name) {
        return Yamls.map(services(), name);
    }

    /** Its published ports in the short syntax, e.g. {@code 8080:8080}. */
    List<String> ports(String name) {
        return Yamls.list(service(name), "ports").stream().map(Object::toString).toList();
    }

    /** Its environment as names and values (map syntax; a list of NAME=value is read too). */
    Map<String, String> environment(String name) {
        Object environment = service(name).get("environment");
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment instanceof Map<?, ?> map) {
            map.forEach((key, value) -> variables.put(key.toString(), value == null ? "" : value.toString()));
        } else if (environment instanceof List<?> list) {
            for (Object entry : list) {
                String[] pair = entry.toString().split("=", 2);
                variables.put(pair[0], pair.length > 1 ? pair[1] : "");
            }
        }
        return variables;
    }

    /** Whether {@code name} starts only once {@code dependency} reports healthy. */
    boolean waitsHealthy(String name, String dependency) {
        Map<String, Object> condition = Yamls.map(Yamls.map(service(name), "depends_on"), dependency);
        return "service_healthy".equals(condition.get("condition"))
                && !Yamls.map(service(dependency), "healthcheck").isEmpty();
    }

    /** Its bind mounts ({@code ./path:/target[:ro]}) as container path → host path. */
    Map<String, Path> bindMounts(String name) {
        Map<String, Path> mounts = new LinkedHashMap<>();
        for (Object volume : Yamls.list(service(name), "volumes")) {
            String[] parts = volume.toString().split(":");
            if (parts.length >= 2 && (parts[0].startsWith("./") || parts[0].startsWith("../"))) {
                mounts.put(parts[1], file.getParent().resolve(parts[0]).normalize());
            }
        }
        return mounts;
    }

    /** The host path mounted at {@code containerPath} (or at a directory above it) in {@code name}, or null. */
    @Nullable Path mountSource(String name, String containerPath) {
        for (Map.Entry<String, Path> mount : bindMounts(name).entrySet()) {
            String target = mount.getKey();
            if (containerPath.equals(target)) {
                return mount.getValue();
            }
            if (containerPath.startsWith(target + "/")) {
                return mount.getValue().resolve(containerPath.substring(target.length() + 1));
            }
        }
        return null;
    }

    static Map<String, Object> yaml(Path file) {
        try (Reader reader = Files.newBufferedReader(file)) {
            Map<String, Object> document = new Yaml().load(reader);
            return document == null ? Map.of() : document;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
