package io.triage.systemtests.compose;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.triage.platform.PlatformDefaults;
import io.triage.testsupport.JsonBody;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The environment variables one service's configuration understands, so that a name in docker-compose.yml that its
 * service would silently ignore (a typo, or a setting of another service) is found. A name counts when it is
 * <ul>
 * <li>a placeholder its configuration reads directly ({@code ${TRIAGE_RULES_ENGINE_URL:…}} in its application.yml,
 * {@code ${TRIAGE_DB_ADMIN_USER:…}} in service-platform's {@code PlatformDefaults});</li>
 * <li>the relaxed-binding form ({@code TRIAGE_EMBEDDING_QDRANT_HOST}) of a property in the configuration metadata
 * that the configuration processor wrote for the service's own module and the triage libraries it depends on (never
 * another service's), of a property from Spring Boot's and other libraries' metadata, or of a key its
 * application.yml or the platform defaults set; list and map properties take an index or key after their name, and a
 * list of records only the record's components ({@code TRIAGE_PLATFORM_SECURITY_API_KEYS_0_KEY_SHA256});</li>
 * <li>read by the java launcher ({@code JAVA_TOOL_OPTIONS}, {@code JDK_JAVA_OPTIONS}).</li>
 * </ul>
 * The triage modules' metadata is read from their {@code target/classes}, so the modules must be compiled first
 * (system-tests depends on every service module for that).
 */
final class EnvironmentNames {

    static final Set<String> LAUNCHER = Set.of("JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
    private static final Pattern TRIAGE_DEPENDENCY = Pattern.compile(
            "<dependency>\\s*<groupId>io\\.triage</groupId>\\s*<artifactId>([^<]+)</artifactId>(.*?)</dependency>",
            Pattern.DOTALL);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Set<String> exact = new HashSet<>();
    /** Env prefix of a list or map property → pattern of what may follow it. */
    private final Map<String, Pattern> collections = new HashMap<>();

    private EnvironmentNames() {
    }

    /** The names {@code service} understands, its module and libraries found under {@code root}. */
    static EnvironmentNames of(ServiceModule service, Path root) {
        EnvironmentNames names = new EnvironmentNames();
        names.exact.addAll(LAUNCHER);
        names.placeholders(service.configurationText());
        Yamls.flatten(service.configuration()).keySet().forEach(key -> names.exact.add(env(key)));
        Map<String, Object> defaults = platformDefaults();
        defaults.keySet().forEach(key -> names.exact.add(env(key)));
        defaults.values().forEach(value -> names.placeholders(value.toString()));
        for (JsonNode metadata : thirdPartyMetadata()) {
            names.properties(metadata);
        }
        for (String module : triageModules(root, service.name())) {
            Path classes = root.resolve(module).resolve("target/classes");
            Path file = classes.resolve(METADATA);
            // A library without @ConfigurationProperties has no metadata; a service always has.
            boolean required = module.equals(service.name()) || !Files.isDirectory(classes);
            if (Files.isRegularFile(file)) {
                names.properties(JSON.readTree(file.toFile()));
            } else if (required) {
                throw new IllegalStateException(file + " is missing: compile " + module
                        + " first (./mvnw -pl system-tests -am ...)");
            }
        }
        return names;
    }

    /** Whether the service's configuration reads the environment variable {@code name}. */
    boolean understands(String name) {
        if (exact.contains(name)) {
            return true;
        }
        return collections.entrySet().stream().anyMatch(collection -> name.startsWith(collection.getKey() + "_")
                && collection.getValue().matcher(name.substring(collection.getKey().length() + 1)).matches());
    }

    /**
     * The relaxed-binding environment form of a property name: {@code triage.embedding.qdrant.use-tls} →
     * {@code TRIAGE_EMBEDDING_QDRANT_USE_TLS}, {@code a.b[0].c} → {@code A_B_0_C}.
     */
    static String env(String property) {
        return property.replace('.', '_').replace('-', '_').replace("[", "_").replace("]", "")
                .toUpperCase(Locale.ROOT);
    }

    private void placeholders(String text) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            exact.add(matcher.group(1));
        }
    }

    private void properties(JsonNode metadata) {
        for (JsonNode property : JsonBody.elements(metadata.path("properties"))) {
            String name = env(property.path("name").asString());
            String type = property.path("type").asString();
            exact.add(name);
            if (type.startsWith("java.util.Map<")) {
                collections.put(name, Pattern.compile("[A-Z0-9_]+"));
            } else if (type.startsWith("java.util.List<") || type.startsWith("java.util.Set<")) {
                collections.put(name, elementPattern(type.substring(type.indexOf('<') + 1, type.length() - 1)));
            }
        }
    }

    /** An index, followed by one of the element record's components when the element is a record. */
    private static Pattern elementPattern(String elementType) {
        try {
            Class<?> element = Class.forName(elementType, false, EnvironmentNames.class.getClassLoader());
            if (element.isRecord()) {
                List<String> components = new ArrayList<>();
                for (var component : element.getRecordComponents()) {
                    components.add(env(kebab(component.getName())));
                }
                return Pattern.compile("[0-9]+_(" + String.join("|", components) + ")");
            }
        } catch (ClassNotFoundException e) {
            // Not on this classpath (a module system-tests only compiles): any element property then.
            return Pattern.compile("[0-9]+(_[A-Z0-9_]+)?");
        }
        return Pattern.compile("[0-9]+");
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The properties service-platform's PlatformDefaults adds to every service. */
    private static Map<String, Object> platformDefaults() {
        StandardEnvironment environment = new StandardEnvironment();
        List.of(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME)
                .forEach(environment.getPropertySources()::remove);
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        return environment.getPropertySources().stream().filter(MapPropertySource.class::isInstance)
                .map(source -> ((MapPropertySource) source).getSource()).findFirst().orElseThrow();
    }

    /** The metadata of every library on the classpath that is not a triage module (Spring Boot's, springdoc's, …). */
    private static List<JsonNode> thirdPartyMetadata() {
        List<JsonNode> found = new ArrayList<>();
        try {
            for (URL url : Collections.list(EnvironmentNames.class.getClassLoader().getResources(METADATA))) {
                try (InputStream in = url.openStream()) {
                    JsonNode metadata = JSON.readTree(in);
                    boolean triage = JsonBody.elements(metadata.path("groups")).stream()
                            .anyMatch(group -> group.path("sourceType").asString().startsWith("io.triage."))
                            || JsonBody.elements(metadata.path("properties")).stream()
                                    .anyMatch(p -> p.path("sourceType").asString().startsWith("io.triage."));
                    if (!triage) {
                        found.add(metadata);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    /** The module itself and the triage libraries it depends on outside test scope, transitively. */
    static Set<String> triageModules(Path root, String module) {
        Set<String> modules = new LinkedHashSet<>();
        collect(root, module, modules);
        return modules;
    }

    private static void collect(Path root, String module, Set<String> modules) {
        if (!modules.add(module)) {
            return;
        }
        Matcher dependencies = TRIAGE_DEPENDENCY.matcher(ServiceModule.read(root.resolve(module).resolve("pom.xml")));
        while (dependencies.find()) {
            boolean testScope = dependencies.group(2).contains("<scope>test</scope>");
            if (!testScope && Files.isDirectory(root.resolve(dependencies.group(1)))) {
                collect(root, dependencies.group(1), modules);
            }
        }
    }
}
