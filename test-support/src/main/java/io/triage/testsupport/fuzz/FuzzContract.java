package io.triage.testsupport.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.triage.testsupport.ApiKeys;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The fuzz pass as a JUnit contract: a service's IT boots the service, implements this interface (a Spring Boot
 * test extends {@link FuzzedService}, which supplies port, routes and name from the context) and inherits the
 * test. Every POST, PUT and PATCH route in the handler mapping gets {@code fuzz.inputs} inputs (50 by default, a
 * fixed {@code fuzz.seed}); the rule is no 5xx and no process death. {@code fuzz.only}, a regular expression, limits
 * a run to the endpoints whose {@code METHOD /path} it matches (to reproduce a finding). Each run writes its table to
 * {@code target/fuzz/<service>.md}.
 */
public interface FuzzContract {

    /** The service's name in the report. */
    String service();

    /** The port the service under test listens on. */
    int port();

    /** The service's MVC routes ({@code requestMappingHandlerMapping}). */
    RequestMappingHandlerMapping handlerMapping();

    /**
     * A valid body per endpoint, keyed by {@link FuzzEndpoint#key()} ({@code POST /tickets}) or, where it differs
     * per path variable, by method and resolved path ({@code POST /webhooks/jira}): JSON, or YAML for a YAML route.
     * An endpoint without one is still fuzzed, from an empty object.
     */
    Map<String, String> examples();

    /** Values for path variables by name ({@code fuzz} for any other); each value gets its own run and row. */
    default Map<String, List<String>> pathValues() {
        return Map.of();
    }

    /** The service's body limit ({@code triage.platform.max-request-bytes}, 1 MB by default). */
    default long maxBodyBytes() {
        return 1024 * 1024;
    }

    /** The headers that authenticate this request (the admin API key: every role). */
    default Map<String, String> credentials(String method, String path, byte[] body) {
        return Map.of(ApiKeys.HEADER, ApiKeys.ADMIN);
    }

    @Test
    default void everyJsonAndYamlEndpointAnswersFuzzWithout5xxAndTheServiceStaysUp() {
        long seed = Long.getLong("fuzz.seed", 19L);
        int count = Integer.getInteger("fuzz.inputs", 50);
        List<FuzzEndpoint> endpoints = FuzzEndpoint.of(handlerMapping());
        assertThat(endpoints).as("write routes found in the handler mapping").isNotEmpty();
        Pattern only = Pattern.compile(System.getProperty("fuzz.only", ".*"));
        FuzzInputs generator = new FuzzInputs(seed, maxBodyBytes());
        FuzzRun run = new FuzzRun(this);
        List<EndpointTally> tallies = new ArrayList<>();
        for (FuzzEndpoint endpoint : endpoints) {
            for (String path : endpoint.resolve(pathValues())) {
                if (!only.matcher(endpoint.method() + " " + path).matches()) {
                    continue;
                }
                String example = examples().getOrDefault(endpoint.method() + " " + path,
                        examples().getOrDefault(endpoint.key(), "{}"));
                tallies.add(run.fuzz(endpoint, path, example, generator.generate(endpoint, path, example, count)));
            }
        }
        boolean alive = run.alive();
        report(seed, count, tallies, alive);

        List<String> findings = tallies.stream().filter(t -> t.serverErrors() > 0 || t.deaths() > 0)
                .flatMap(t -> t.findings().stream().map(f -> t.key() + " " + f)).toList();
        assertThat(findings).as("5xx answers or process deaths (seed %d, %d inputs)", seed, count).isEmpty();
        assertThat(alive).as("the service answers its liveness probe after the fuzz").isTrue();
    }

    private void report(long seed, int count, List<EndpointTally> tallies, boolean alive) {
        StringBuilder table = new StringBuilder("<!-- service | endpoint | example | inputs | 2xx | 3xx | 4xx (not "
                + "ProblemDetail) | 5xx | no answer | deaths | seconds -->\n<!-- seed ").append(seed).append(", ").append(count)
                .append(" inputs per endpoint, alive after: ").append(alive).append(" -->\n");
        for (EndpointTally tally : tallies) {
            table.append(tally.row(service())).append('\n');
            tally.findings().forEach(f -> table.append("<!-- ").append(tally.key()).append(' ')
                    .append(f.replace("--", "- -")).append(" -->\n"));
        }
        try {
            Path file = Path.of("target", "fuzz", service() + ".md");
            Files.createDirectories(file.getParent());
            Files.writeString(file, table, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.print(table);
    }
}
